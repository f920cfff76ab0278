import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
    me: z.array(z.string()).default([]),
    locale: z.enum(['en', 'fr']).optional(),
    calendars: z.array(calendarSourceConfig).default([]),
    pausePublishing: z.boolean().default(false),
    /** The quick-post hotkey (an Electron accelerator). */
    hotkey: z.string().min(1).max(80).default('CommandOrControl+Shift+Space'),
  })
  .strict();

export type ProfileConfig = z.infer<typeof profileConfig>;
export type CalendarSourceConfig = z.infer<typeof calendarSourceConfig>;

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
function writeAtomic(path: string, text: string, mode = 0o600) {
  writeFileSync(`${path}.tmp`, text, { mode });
  renameSync(`${path}.tmp`, path);
}

export function readConfig(dir: string): ProfileConfig {
  const path = join(dir, 'config.json');
  if (!existsSync(path)) return profileConfig.parse({});
  const parsed = profileConfig.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export function writeConfig(dir: string, config: ProfileConfig): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomic(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, 0o644);
}

/** Where secrets (the team token, CalDAV passwords) live: a file for the CLI, the OS keychain in the app. */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** A JSON file readable only by its owner (0600), in the profile folder. */
export class FileSecretStore implements SecretStore {
  private readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'credentials.json');
  }

  private read(): Record<string, string> {
    return existsSync(this.path)
      ? (JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>)
      : {};
  }

  get(name: string): string | undefined {
    return this.read()[name];
  }

  set(name: string, value: string): void {
    writeAtomic(this.path, JSON.stringify({ ...this.read(), [name]: value }));
    chmodSync(this.path, 0o600);
  }

  delete(name: string): void {
    const { [name]: _gone, ...rest } = this.read();
    writeAtomic(this.path, JSON.stringify(rest));
  }
}
