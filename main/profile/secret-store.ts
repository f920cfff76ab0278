import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from './private-files';

/** Where secrets (the team token, CalDAV passwords) live: a file for the CLI, the OS keychain in the app. */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Every name stored, so secrets whose calendar is gone can be deleted. */
  keys(): string[];
}

/** Every secret's value, for taking them out of log lines. */
export const secretValues = (store: SecretStore): string[] =>
  store.keys().flatMap((name) => store.get(name) ?? []);

/** The key under which a CalDAV calendar's password is kept. */
export const calDavSecret = (calendarId: string) => `caldav:${calendarId}`;

/** The key under which a Microsoft 365 or Google calendar's sign-in (refresh token, cache) is kept. */
export const signInSecret = (calendarId: string) => `oauth:${calendarId}`;

/** Google's desktop-app client secret for a calendar ("not secret" says Google; kept as one all the same). */
export const clientSecretKey = (calendarId: string) => `oauth-client:${calendarId}`;

/** Every secret a calendar may have, for deleting them with it. */
export const calendarSecrets = (calendarId: string) => [
  calDavSecret(calendarId),
  signInSecret(calendarId),
  clientSecretKey(calendarId),
];

/** A JSON file readable only by its owner (0600), in the profile folder. */
export class FileSecretStore implements SecretStore {
  private readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'credentials.json');
  }

  private read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string>;
    } catch {
      return {}; // an unreadable file holds nothing usable; the next write replaces it
    }
  }

  get(name: string): string | undefined {
    return this.read()[name];
  }

  set(name: string, value: string): void {
    writePrivateFile(this.path, JSON.stringify({ ...this.read(), [name]: value }));
    chmodSync(this.path, 0o600);
  }

  delete(name: string): void {
    const values = this.read();
    if (!(name in values)) return;
    const { [name]: _gone, ...rest } = values;
    writePrivateFile(this.path, JSON.stringify(rest));
  }

  keys(): string[] {
    return Object.keys(this.read());
  }
}

/** Secrets held only for one command (a CalDAV password given by `--password-env`). */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  get = (name: string) => this.values.get(name);
  set = (name: string, value: string) => void this.values.set(name, value);
  delete = (name: string) => void this.values.delete(name);
  keys = () => [...this.values.keys()];
}
