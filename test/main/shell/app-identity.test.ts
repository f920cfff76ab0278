// Windows groups, shows and lets people silence notifications by the app's id: the installer's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID, applyAppIdentity } from '../../../main/shell/app-identity';

describe('the app’s identity', () => {
  it('on Windows the AppUserModelID is electron-builder’s appId; elsewhere nothing is set', () => {
    const builder = parse(readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8'));
    expect(APP_ID).toBe(builder.appId);
    const set: string[] = [];
    applyAppIdentity({ setAppUserModelId: (id) => void set.push(id) }, 'win32');
    applyAppIdentity({ setAppUserModelId: (id) => void set.push(id) }, 'darwin');
    expect(set).toEqual([APP_ID]);
  });
});
