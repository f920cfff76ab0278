import { parseWorkingHours } from '../../shared/availability/working-hours';
import { isKnownZone } from '../../shared/time/zoned-time';
import type { ProfileConfig } from '../profile/profile';

export interface SettingsPatch {
  tz?: string;
  hours?: string;
  locale?: 'en' | 'fr' | null;
  pausePublishing?: boolean;
  me?: string[];
  hotkey?: string;
  openAtLogin?: boolean;
  notifications?: boolean;
  role?: string;
  skills?: string[];
}

/** Checks a settings change before anything is saved, with a message a person can act on. */
export function checkSettings(patch: SettingsPatch): Partial<ProfileConfig> {
  const { locale, ...rest } = patch;
  if (rest.tz !== undefined && !isKnownZone(rest.tz))
    throw new Error(`"${rest.tz}" is not a time zone: use a name like Europe/Paris or America/New_York`);
  if (rest.hours !== undefined) parseWorkingHours(rest.hours); // throws a clear message
  if (rest.hotkey !== undefined && !/^[\w+]+$/.test(rest.hotkey))
    throw new Error(`"${rest.hotkey}" is not a shortcut like CommandOrControl+Shift+Space`);
  if (rest.me?.some((address) => !/^[^\s@]+@[^\s@]+$/.test(address)))
    throw new Error(`"${rest.me.find((a) => !/^[^\s@]+@[^\s@]+$/.test(a))}" is not an email address`);
  const skills = rest.skills?.map((s) => s.trim()).filter(Boolean);
  return {
    ...rest,
    ...(skills ? { skills: [...new Set(skills)] } : {}),
    ...(rest.role !== undefined ? { role: rest.role.trim() } : {}),
    ...(locale ? { locale } : {}),
  };
}
