import { z } from 'zod';
import { defaultWorkingHoursText, parseWorkingHours } from '../availability/working-hours';
import { clocks, locales } from '../i18n/locale';
import { isKnownZone } from '../time/zoned-time';

/**
 * The person's settings, described once: their shapes and limits here; the profile file, the
 * settings patch (Settings, IPC, the CLI's `ricochet settings`) and the checks that turn a
 * mistake into a message a person can act on all derive from these.
 */
export const settingFields = {
  tz: z.string().min(1).max(64),
  hours: z.string().min(1).max(200),
  /** Unset: the system's language. */
  locale: z.enum(locales, { error: 'the language is en or fr' }),
  /** Unset: the clock of the system's region (12-hour in the US, 24-hour in France). */
  clock: z.enum(clocks, { error: 'the clock is 12h or 24h' }),
  pausePublishing: z.boolean(),
  /** Other addresses my calendars use for me (the one I joined with counts already). */
  me: z.array(z.string().max(200)).max(10),
  /** The quick-post hotkey (an Electron accelerator). */
  hotkey: z.string().min(1).max(80),
  /** Unset: on in the packaged app, off while developing (see the shell's login item). */
  openAtLogin: z.boolean(),
  /** Mentions of me and "X is free now" as system notifications. */
  notifications: z.boolean(),
  /** In a meeting, notifications wait (as they do while focusing, in do-not-disturb, off hours). */
  quietInMeetings: z.boolean(),
  /** What I do and know, for "who knows about…" (published with my profile). */
  role: z.string().max(80),
  skills: z.array(z.string().max(40)).max(30),
  /** The team of mine the board shows; null: all my teams at once. */
  boardTeam: z.string().max(100).nullable(),
};

/** What a settings change may carry: every field optional, the language clearable (null). */
export const settingsPatchShape = z
  .object({
    tz: settingFields.tz.optional(),
    hours: settingFields.hours.optional(),
    locale: settingFields.locale.nullable().optional(),
    clock: settingFields.clock.nullable().optional(),
    pausePublishing: settingFields.pausePublishing.optional(),
    me: settingFields.me.optional(),
    hotkey: settingFields.hotkey.optional(),
    openAtLogin: settingFields.openAtLogin.optional(),
    notifications: settingFields.notifications.optional(),
    quietInMeetings: settingFields.quietInMeetings.optional(),
    role: settingFields.role.optional(),
    skills: settingFields.skills.optional(),
    boardTeam: settingFields.boardTeam.optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchShape>;

/** Abbreviations people type for a zone, and the zone to use instead (they are not zones). */
const abbreviations: Record<string, string> = {
  est: 'America/New_York',
  edt: 'America/New_York',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  cet: 'Europe/Paris',
  cest: 'Europe/Paris',
  bst: 'Europe/London',
  ist: 'Asia/Kolkata',
  jst: 'Asia/Tokyo',
  aest: 'Australia/Sydney',
};

let zoneNames: Map<string, string> | undefined;

/**
 * A zone as a person may type it, made canonical ("europe/paris" → "Europe/Paris"), or a
 * message saying what to use instead.
 */
export function canonicalZone(typed: string): { zone: string } | { error: string } {
  const text = typed.trim();
  const suggestion = abbreviations[text.toLowerCase()];
  if (suggestion)
    return { error: `"${text}" is an abbreviation, not a time zone: use a name like ${suggestion}` };
  zoneNames ??= new Map(
    [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]),
  );
  const known = zoneNames.get(text.toLowerCase());
  if (known) return { zone: known };
  if (isKnownZone(text) && text.includes('/')) return { zone: text };
  return { error: `"${text}" is not a time zone: use a name like Europe/Paris or America/New_York` };
}

const isEmail = (address: string) => /^[^\s@]+@[^\s@]+$/.test(address);

/**
 * A settings change as it will be saved: zones made canonical, hours read, the hotkey and
 * addresses checked, role and skills trimmed. Each mistake is a message naming the fault.
 */
export const settingsPatch = settingsPatchShape.transform((patch, ctx) => {
  const out = { ...patch };
  if (patch.tz !== undefined) {
    const zone = canonicalZone(patch.tz);
    if ('error' in zone) ctx.addIssue({ code: 'custom', path: ['tz'], message: zone.error });
    else out.tz = zone.zone;
  }
  if (patch.hours !== undefined) {
    try {
      parseWorkingHours(patch.hours);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: (error as Error).message });
    }
  }
  if (patch.hotkey !== undefined && !/^[\w+]+$/.test(patch.hotkey))
    ctx.addIssue({
      code: 'custom',
      path: ['hotkey'],
      message: `"${patch.hotkey}" is not a shortcut like CommandOrControl+Shift+Space`,
    });
  const wrong = patch.me?.find((address) => !isEmail(address));
  if (wrong !== undefined)
    ctx.addIssue({ code: 'custom', path: ['me'], message: `"${wrong}" is not an email address` });
  if (patch.role !== undefined) out.role = patch.role.trim();
  if (patch.skills !== undefined)
    out.skills = [...new Set(patch.skills.map((s) => s.trim()).filter(Boolean))];
  return out;
});

/** Defaults of the settings a new profile starts with. */
export const settingDefaults = {
  hours: defaultWorkingHoursText,
  hotkey: 'CommandOrControl+Shift+Space',
};
