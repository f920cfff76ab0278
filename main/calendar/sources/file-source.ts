import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CalendarSource } from './calendar-source';

const MAX_BYTES = 20 * 1024 * 1024;

/** A local .ics file, re-read only when its size or modification time changed. */
export class FileSource implements CalendarSource {
  readonly name: string;
  private last: { mtimeMs: number; size: number; text: string } | undefined;

  constructor(readonly path: string) {
    this.name = basename(path);
  }

  async read(): Promise<string> {
    let info;
    try {
      info = await stat(this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'ENOENT' ? `file not found: ${this.path}` : `cannot read ${this.path} (${code})`,
        { cause: error },
      );
    }
    if (!info.isFile()) throw new Error(`not a file: ${this.path}`);
    if (info.size > MAX_BYTES) throw new Error(`file is larger than 20 MB: ${this.path}`);
    if (this.last && this.last.mtimeMs === info.mtimeMs && this.last.size === info.size)
      return this.last.text;
    const text = await readFile(this.path, 'utf8');
    this.last = { mtimeMs: info.mtimeMs, size: info.size, text };
    return text;
  }
}
