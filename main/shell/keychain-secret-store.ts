import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { writePrivateFile, FileSecretStore, type SecretStore } from '../core/index';

/**
 * Secrets (the team token, CalDAV passwords) encrypted by the OS keychain through
 * Electron's safeStorage, kept in one file in the profile folder. `weak` is true on
 * Linux when only the plain-text fallback exists, so the UI can say so. What the CLI
 * stored in the profile's plain file (it has no keychain) is moved in on first sight,
 * so the app and the CLI work on one set of secrets.
 */
export class KeychainSecretStore implements SecretStore {
  private readonly path: string;
  private readonly plain: FileSecretStore;

  constructor(
    private readonly safe: Pick<SafeStorage, 'encryptString' | 'decryptString' | 'isEncryptionAvailable'> & {
      getSelectedStorageBackend?: () => string;
    },
    dir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.path = join(dir, 'secrets.bin');
    this.plain = new FileSecretStore(dir);
  }

  get weak(): boolean {
    if (!this.safe.isEncryptionAvailable()) return true;
    return this.platform === 'linux' && this.safe.getSelectedStorageBackend?.() === 'basic_text';
  }

  private read(): Record<string, string> {
    const values = existsSync(this.path)
      ? (JSON.parse(this.safe.decryptString(readFileSync(this.path))) as Record<string, string>)
      : {};
    if (this.plain.keys().length === 0 || !this.safe.isEncryptionAvailable()) return values;
    // The CLI's newer values win: it wrote them after the app last did.
    const moved = { ...values };
    for (const key of this.plain.keys()) moved[key] = this.plain.get(key)!;
    this.write(moved);
    for (const key of this.plain.keys()) this.plain.delete(key);
    return moved;
  }

  private write(values: Record<string, string>) {
    if (!this.safe.isEncryptionAvailable())
      throw new Error('the OS keychain is not available: secrets cannot be stored safely');
    writePrivateFile(this.path, this.safe.encryptString(JSON.stringify(values)));
  }

  get(name: string): string | undefined {
    return this.read()[name];
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: value });
  }

  delete(name: string): void {
    const values = this.read();
    if (!(name in values)) return;
    const { [name]: _gone, ...rest } = values;
    this.write(rest);
  }

  keys(): string[] {
    return Object.keys(this.read());
  }
}
