import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The XDG autostart entry that opens Ricochet at login on Linux desktops. */
export function autostartEntry(exec: string): string {
  const quoted = /\s/.test(exec) ? `"${exec}"` : exec;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ricochet',
    'Comment=Your team’s real availability',
    `Exec=${quoted} --hidden`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** Turns open-at-login on or off (setLoginItemSettings does this on macOS and Windows). */
export function setLinuxAutostart(
  enabled: boolean,
  exec: string,
  configHome = process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'),
): string {
  const file = join(configHome, 'autostart', 'ricochet.desktop');
  if (enabled) {
    mkdirSync(join(configHome, 'autostart'), { recursive: true });
    writeFileSync(file, autostartEntry(exec));
  } else rmSync(file, { force: true });
  return file;
}
