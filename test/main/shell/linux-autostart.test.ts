import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setLinuxAutostart } from '../../../main/shell/linux-autostart';

describe('open at login on Linux', () => {
  it('writes and removes an XDG autostart entry', () => {
    const home = mkdtempSync(join(tmpdir(), 'ricochet-xdg-'));
    const file = setLinuxAutostart(true, '/opt/Ricochet/ricochet', home);
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Ricochet/ricochet --hidden');
    setLinuxAutostart(false, '/opt/Ricochet/ricochet', home);
    expect(existsSync(file)).toBe(false);
  });
});
