import { formatWorkingHours } from '../../shared/availability/working-hours';
import type { MemberProfile } from '../../shared/protocol/changes';
import { settingFields, settingsPatch, type SettingsPatch } from '../../shared/settings/settings-schema';
import { isKnownZone } from '../../shared/time/zoned-time';
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

/**
 * The person's profile as the server keeps it, as this device's settings: zone, hours, role and
 * skills. What this version could not use (an unknown zone, hours too long to write) is left as
 * the device has it.
 */
export function settingsFromProfile(profile: MemberProfile): Partial<ProfileConfig> {
  const hours = profile.workingHours && formatWorkingHours(profile.workingHours);
  const fits = <T>(field: { safeParse: (v: unknown) => { success: boolean } }, value: T | undefined) =>
    value !== undefined && field.safeParse(value).success;
  return {
    ...(profile.timezone && isKnownZone(profile.timezone) ? { tz: profile.timezone } : {}),
    ...(fits(settingFields.hours, hours) ? { hours: hours! } : {}),
    role: fits(settingFields.role, profile.role) ? profile.role! : '',
    skills: fits(settingFields.skills, profile.skills) ? profile.skills! : [],
  };
}

/** What this device's settings must change to follow the person's profile; null when they already do. */
export function settingsToFollow(
  config: ProfileConfig,
  profile: MemberProfile,
): Partial<ProfileConfig> | null {
  const next = settingsFromProfile(profile);
  const same = Object.entries(next).every(
    ([key, value]) => JSON.stringify(config[key as keyof ProfileConfig]) === JSON.stringify(value),
  );
  return same ? null : next;
}
