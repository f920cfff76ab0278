import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { commandExists, requireDependency } from './requirements';

export const hasTinyproxy = () =>
  requireDependency('tinyproxy', commandExists('tinyproxy'), 'apt-get install tinyproxy');

/**
 * A company's proxy on loopback: Debian's tinyproxy, every port allowed for CONNECT (a company's
 * allows the ports it allows), logging each request so a test sees what went through it.
 */
export async function startProxy() {
  const dir = mkdtempSync(join(tmpdir(), 'ricochet-proxy-'));
  const port = await freePort();
  const logFile = join(dir, 'tinyproxy.log');
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 60',
      `LogFile "${logFile}"`,
      'LogLevel Connect',
      'MaxClients 100',
      'Allow 127.0.0.1',
    ].join('\n'),
  );
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || i > 100) throw new Error('tinyproxy did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  /** What clients asked the proxy for: "CONNECT 127.0.0.1:8443", "GET http://…". */
  const requests = () => {
    let text: string;
    try {
      text = readFileSync(logFile, 'utf8');
    } catch {
      return []; // nothing logged yet
    }
    return [...text.matchAll(/Request \(file descriptor \d+\): (\S+ \S+)/g)].map((m) => m[1]!);
  };
  return {
    url,
    port,
    requests,
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}
