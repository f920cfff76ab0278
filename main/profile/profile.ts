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

export const calendarSourceConfig = z
  .object({
    id: z.string(),
    kind: z.enum(['file', 'feed', 'caldav']),
    location: z.string().min(1),
    name: z.string().optional(),
    user: z.string().optional(),
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
    calendars: z.array(calendarSourceConfig).default([]),
    pausePublishing: settingFields.pausePublishing.default(false),
    hotkey: settingFields.hotkey.default(settingDefaults.hotkey),
    openAtLogin: settingFields.openAtLogin.optional(),
    notifications: settingFields.notifications.default(true),
    boardTeam: settingFields.boardTeam.default(null),
  })
  .strip();

export type ProfileConfig = z.infer<typeof profileConfig>;
export type CalendarSourceConfig = z.infer<typeof calendarSourceConfig>;
