// `ricochet server --updates <dir>`: what electron-updater's generic provider asks of the team
// server (the latest.yml, then the installer whole or by ranges), served from a real folder.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../support/raw-http';
import { cli } from '../../support/run-cli';
import { spawnServer } from '../../support/server-process';

const installer = randomBytes(256 * 1024);
const sha512 = createHash('sha512').update(installer).digest('base64');
// As electron-builder writes it for a Windows NSIS build published to `generic`.
const latestYml = `version: 0.2.0
files:
  - url: Ricochet-Setup-0.2.0.exe
    sha512: ${sha512}
    size: ${installer.length}
path: Ricochet-Setup-0.2.0.exe
sha512: ${sha512}
releaseDate: '2026-12-01T09:00:00.000Z'
`;

describe('the team server hands out updates', () => {
  let server: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ricochet-updates-'));
    writeFileSync(join(dir, 'latest.yml'), latestYml);
    writeFileSync(join(dir, 'Ricochet-Setup-0.2.0.exe'), installer);
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    server = await spawnServer(
      { kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'ricochet-u-')) },
      undefined,
      ['--updates', dir],
    );
  });
  afterAll(() => server?.kill('SIGTERM'));

  it('the latest.yml, without a token, revalidated on every check so a new release shows at once', async () => {
    const res = await fetch(`${server.url}/updates/latest.yml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(latestYml);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${server.url}/updates/latest.yml`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('the installer whole, then by ranges as a differential download asks, the same bytes', async () => {
    const whole = await fetch(`${server.url}/updates/Ricochet-Setup-0.2.0.exe`);
    const body = Buffer.from(await whole.arrayBuffer());
    expect(createHash('sha512').update(body).digest('base64')).toBe(sha512);
    expect(whole.headers.get('cache-control')).toContain('immutable');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const part = await fetch(`${server.url}/updates/Ricochet-Setup-0.2.0.exe`, {
      headers: { range: 'bytes=1000-1999' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${installer.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(installer.subarray(1000, 2000));
  });

  it('nothing outside the folder, no hidden file, and a clear 404 for a release that is not there', async () => {
    for (const path of ['/updates/../../etc/passwd', '/updates/%2e%2e/%2e%2e/etc/passwd', '/updates/.env']) {
      const answer = await rawRequest(
        server.port,
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1.1 404/);
      expect(answer).not.toContain('root:');
    }
    const missing = await fetch(`${server.url}/updates/Ricochet-Setup-9.9.9.exe`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      message: 'no update file /updates/Ricochet-Setup-9.9.9.exe',
    });
  });

  it('a company behind one address downloads at once: update files are outside the per-address limit', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => fetch(`${server.url}/updates/latest.yml`).then((r) => r.status)),
    );
    expect(answers.every((s) => s === 200)).toBe(true);
  });

  it('--updates that is not a folder is refused before the server starts', async () => {
    const run = await cli('server', '--port', '0', '--updates', '/nonexistent/updates');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--updates: "/nonexistent/updates" is not a folder');
  });
});
