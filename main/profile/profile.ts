import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { settingDefaults, settingFields } from '../../shared/settings/settings-schema';

/** The per-OS folder for the app's data; the CLI and tests pass --profile instead. */
export function defaultProfileDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['RICOCHET_PROFILE']) return env['RICOCHET_PROFILE'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Ricochet');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ricochet');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'ricochet');
}

/**
 * The app a Microsoft 365 or Google calendar signs in with, and where (every endpoint a
 * setting, for national clouds and tests). No token is ever here: they are in the keychain.
 */
export const providerApp = z
  .object({
    clientId: z.string().min(1).max(200),
    /** Microsoft: `https://login.microsoftonline.com/<tenant>`. */
    authority: z.string().url().optional(),
    /** Google: the authorization, token and device endpoints. */
    authUrl: z.string().url().optional(),
    tokenUrl: z.string().url().optional(),
    deviceUrl: z.string().url().optional(),
  })
  .strict();

export const calendarKinds = ['file', 'feed', 'caldav', 'microsoft', 'google'] as const;

export const calendarSourceConfig = z
  .object({
    id: z.string(),
    kind: z.enum(calendarKinds),
    location: z.string().min(1),
    name: z.string().optional(),
    user: z.string().optional(),
    /** Microsoft 365 and Google: the app and endpoints; `location` is the API's root. */
    app: providerApp.optional(),
    ignoreAllDay: z.boolean().default(false),
    /** Off by default: only free/busy leaves the machine. */
    shareTitles: z.boolean().default(false),
  })
  .strict();

/** The settings file: the person's settings (shared/settings) plus what only the desktop keeps. */
export const profileConfig = z
  .object({
    tz: settingFields.tz.default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    hours: settingFields.hours.default(settingDefaults.hours),
    me: settingFields.me.default([]),
    role: settingFields.role.default(''),
    skills: settingFields.skills.default([]),
    locale: settingFields.locale.optional(),
    clock: settingFields.clock.optional(),
    calendars: z.array(calendarSourceConfig).default([]),
    pausePublishing: settingFields.pausePublishing.default(false),
    hotkey: settingFields.hotkey.default(settingDefaults.hotkey),
    openAtLogin: settingFields.openAtLogin.optional(),
    notifications: settingFields.notifications.default(true),
    quietInMeetings: settingFields.quietInMeetings.default(true),
    boardTeam: settingFields.boardTeam.default(null),
  })
  .strip();

export type ProfileConfig = z.infer<typeof profileConfig>;
export type CalendarSourceConfig = z.infer<typeof calendarSourceConfig>;
export type ProviderApp = z.infer<typeof providerApp>;
