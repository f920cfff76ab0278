import { existsSync, readFileSync, renameSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from './private-files';
import { profileConfig, type ProfileConfig } from './profile';

const FILE = 'config.json';

/**
 * The profile's settings file, the one source of truth for the app, the browser mode and the
 * CLI. Reads notice a change made by another process (its stamp moved); every write reads
 * the file again first, so two writers never erase each other's change. A file that cannot
 * be read is moved aside with a warning, and defaults are used: the app always starts.
 */
export class ConfigFile {
  private cached: { stamp: string; config: ProfileConfig } | undefined;
  private readonly problems: string[] = [];
  /** The settings last announced or written here, so a watch reports only others' changes. */
  private known = '';

  constructor(readonly dir: string) {}

  get path(): string {
    return join(this.dir, FILE);
  }

  /** What went wrong with the file, in words, for the settings view. */
  get warnings(): readonly string[] {
    return this.problems;
  }

  private stamp(): string {
    if (!existsSync(this.path)) return 'none';
    const s = statSync(this.path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  }

  /** The settings as they are on disk now (cheap when nothing changed: one stat). */
  read(): ProfileConfig {
    const stamp = this.stamp();
    if (this.cached?.stamp === stamp) return this.cached.config;
    const config = stamp === 'none' ? profileConfig.parse({}) : this.parse();
    this.cached = { stamp: this.stamp(), config };
    return config;
  }

  private parse(): ProfileConfig {
    let reason: string;
    try {
      const parsed = profileConfig.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      reason = `${issue?.path.join('.') || 'settings'}: ${issue?.message}`;
    } catch (error) {
      reason = (error as Error).message;
    }
    const aside = `${this.path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(this.path, aside);
    this.problems.push(
      `Your settings file could not be read (${reason}). It was kept as ${aside} and default settings are used.`,
    );
    return profileConfig.parse({});
  }

  /** Reads the file again, applies the change, validates and writes it: nothing made meanwhile is lost. */
  update(change: (current: ProfileConfig) => ProfileConfig): ProfileConfig {
    this.cached = undefined;
    const next = profileConfig.parse(change(this.read()));
    ensurePrivateDir(this.dir);
    writePrivateFile(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.cached = { stamp: this.stamp(), config: next };
    this.known = JSON.stringify(next);
    return next;
  }

  /**
   * Calls back when the settings changed on disk (another process wrote them). Watches the
   * folder, not the file: writes replace the file by a rename, which a file watch misses.
   */
  watch(onChange: (config: ProfileConfig) => void): () => void {
    ensurePrivateDir(this.dir);
    this.known = JSON.stringify(this.read());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const config = this.read();
      const text = JSON.stringify(config);
      if (text === this.known) return;
      this.known = text;
      onChange(config);
    };
    const watcher: FSWatcher = watch(this.dir, (_event, name) => {
      if (name !== null && name !== FILE) return;
      clearTimeout(timer);
      timer = setTimeout(check, 100);
    });
    watcher.on('error', () => {}); // a profile folder removed under us: nothing left to watch
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }
}
