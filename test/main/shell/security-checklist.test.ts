import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Electron's security checklist as a static check of the code that touches Electron (the
 * electronegativity CLI needs the network to look up Electron releases, which CI lacks).
 * Each rule is a high-severity finding when it matches.
 */
const root = join(import.meta.dirname, '../../..');
const files = [
  ...readdirSync(join(root, 'main/shell')).map((f) => `main/shell/${f}`),
  ...readdirSync(join(root, 'preload')).map((f) => `preload/${f}`),
  'renderer/index.html',
  // Where every IPC payload is checked, for the Electron router and the browser bridge alike.
  'main/core/ipc-dispatch.ts',
].filter((f) => /\.(ts|html)$/.test(f));
const sources = Object.fromEntries(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
const all = Object.values(sources).join('\n');

const forbidden: [string, RegExp][] = [
  ['nodeIntegration enabled', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['context isolation disabled', /contextIsolation\s*:\s*false/],
  ['sandbox disabled', /sandbox\s*:\s*false/],
  ['web security disabled', /webSecurity\s*:\s*false/],
  ['insecure content allowed', /allowRunningInsecureContent\s*:\s*true/],
  ['experimental features enabled', /experimentalFeatures\s*:\s*true|enableBlinkFeatures/],
  ['<webview> enabled', /webviewTag\s*:\s*true|<webview/],
  ['remote module', /@electron\/remote|enableRemoteModule/],
  ['ipcRenderer exposed to the page', /exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/],
  ['loading remote http content', /loadURL\(\s*['"`]http:/],
  ['certificate errors ignored', /certificate-error|ignore-certificate-errors/],
];

const required: [string, RegExp][] = [
  ['sandbox on', /sandbox:\s*true/],
  ['context isolation on', /contextIsolation:\s*true/],
  ['node integration off', /nodeIntegration:\s*false/],
  ['permission requests handled (denied)', /setPermissionRequestHandler\(/],
  ['navigation restricted', /'will-navigate'/],
  ['new windows restricted', /setWindowOpenHandler\(/],
  ['every web contents hardened', /'web-contents-created'/],
  ['a Content-Security-Policy', /Content-Security-Policy/],
  ['IPC sender checked', /isTrustedSender\(/],
  ['IPC payload validated', /request\.safeParse\(/],
  ['IPC routed through that validation', /return dispatch\(handlers, channel, payload\)/],
];

describe("Electron's security checklist", () => {
  it.each(forbidden)('no finding: %s', (_name, pattern) => {
    const hits = Object.entries(sources)
      .filter(([, text]) => pattern.test(text))
      .map(([f]) => f);
    expect(hits).toEqual([]);
  });

  it.each(required)('in place: %s', (_name, pattern) => {
    expect(all).toMatch(pattern);
  });

  it('shell.openExternal only ever opens http(s) links', () => {
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/openExternal\(/g)) {
        const before = text.slice(Math.max(0, match.index! - 200), match.index);
        expect(before, `${file}: openExternal without an http(s) check`).toMatch(/https\?/);
      }
    }
  });
});

describe('the one channel list', () => {
  it('the preload’s plain list and the validated contract name the same channels', async () => {
    const { ipcChannels } = await import('../../../shared/ipc-channels');
    const { ipcContract } = await import('../../../shared/ipc-contract');
    expect([...ipcChannels].sort()).toEqual(Object.keys(ipcContract).sort());
  });
});
