import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultWorkingHoursText } from '../../shared/availability/working-hours';

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

export const profileConfig = z
  .object({
    tz: z.string().default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    hours: z.string().default(defaultWorkingHoursText),
    /** Other addresses my calendars use for me (the one I joined with counts already). */
    me: z.array(z.string()).default([]),
    /** What I do and know, for "who knows about…" (published with my profile). */
    role: z.string().max(80).default(''),
    skills: z.array(z.string().min(1).max(40)).max(30).default([]),
    locale: z.enum(['en', 'fr']).optional(),
    calendars: z.array(calendarSourceConfig).default([]),
    pausePublishing: z.boolean().default(false),
    /** The quick-post hotkey (an Electron accelerator). */
    hotkey: z.string().min(1).max(80).default('CommandOrControl+Shift+Space'),
    /** Unset: on in the packaged app, off while developing (see the shell's login item). */
    openAtLogin: z.boolean().optional(),
    /** Mentions of me and "X is free now" as system notifications. */
    notifications: z.boolean().default(true),
  })
  .strip();

export type ProfileConfig = z.infer<typeof profileConfig>;
export type CalendarSourceConfig = z.infer<typeof calendarSourceConfig>;
