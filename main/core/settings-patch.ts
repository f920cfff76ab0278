import { settingsPatch, type SettingsPatch } from '../../shared/settings/settings-schema';
import type { ProfileConfig } from '../profile/profile';

export type { SettingsPatch } from '../../shared/settings/settings-schema';

/**
 * Checks a settings change before anything is saved (the shared schema's checks), with the
 * first mistake as a message a person can act on; returns what to save.
 */
export function checkSettings(patch: SettingsPatch): Partial<ProfileConfig> {
  const parsed = settingsPatch.safeParse(patch);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'these settings cannot be used');
  const { locale, clock, ...rest } = parsed.data;
  return { ...rest, ...(locale ? { locale } : {}), ...(clock ? { clock } : {}) };
}
