import { readFileSync } from 'node:fs';
import { openStorage } from '../../server/db/connect';
import { createOrganisation } from '../../server/index';
import { largestAvailability } from '../support/heavy-availability';
import { spawnServer } from '../support/server-process';
import { client, storageFor } from '../support/team-server';
import { round, type Benchmark } from './bench-kit';

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * Issue 18's attack, as a member with a valid token would run it: 1,000 of the largest
 * availability the server accepts, then 8 new devices syncing the whole team at once. The
 * server's memory and its health check are watched all along.
 */
export const benchmark: Benchmark = {
  suite: 'one member against the wire',
  async run() {
    const config = await storageFor('sqlite');
    const storage = await openStorage(config);
    const team = await createOrganisation(storage.db, {
      name: 'Attacked',
      adminName: 'Ana',
      adminEmail: 'ana@a.test',
    });
    await storage.close();
    // The attacker is not slowed by the rate limit here: what is measured is what gets through.
    const server = await spawnServer(config, undefined, ['--rate-limit', '100000/100000']);
    const joined = await client(server.url)('POST', '/v1/join', {
      code: team.invite,
      name: 'Mallory',
      email: 'mallory@a.test',
    });
    const attacker = client(server.url, joined.body.token);
    const admin = client(server.url, team.token);

    let peak = rssMb(server.pid);
    let slowest = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const started = performance.now();
        await fetch(`${server.url}/healthz`);
        slowest = Math.max(slowest, performance.now() - started);
        peak = Math.max(peak, rssMb(server.pid));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const body = JSON.stringify(largestAvailability(0));
    let accepted = 0;
    const publishes = 1000;
    for (let i = 0; i < publishes; i += 4)
      await Promise.all(
        [0, 1, 2, 3].map(async (k) => {
          if (
            (await attacker('PUT', '/v1/me/availability', body.replace('"0 x', `"${i + k} x`))).status === 200
          )
            accepted++;
        }),
      );

    let availabilityChanges = 0;
    const syncs = await Promise.all(
      Array.from({ length: 8 }, async () => {
        let pages = 0;
        for (let cursor = 0, more = true; more; pages++) {
          const page = await admin('GET', `/v1/sync?since=${cursor}&limit=1000`);
          if (page.status !== 200) return false;
          availabilityChanges = page.body.changes.filter(
            (c: { kind: string }) => c.kind === 'availability',
          ).length;
          cursor = page.body.cursor;
          more = page.body.more;
        }
        return pages > 0;
      }),
    );
    watching = false;
    await watch;
    await server.kill('SIGTERM');
    const suite = this.suite;
    return [
      {
        suite,
        name: `largest publishes accepted (${Math.round(body.length / 1024)} KB each)`,
        value: accepted,
        unit: `of ${publishes}`,
      },
      {
        suite,
        name: 'availability changes a new device reads for that member',
        value: availabilityChanges,
        unit: '',
        target: '1',
        pass: availabilityChanges === 1,
      },
      {
        suite,
        name: '8 parallel cold syncs completed after the publishes',
        value: syncs.filter(Boolean).length,
        unit: 'of 8',
        pass: syncs.every(Boolean),
      },
      {
        suite,
        name: 'server peak memory (RSS) throughout',
        value: round(peak, 0),
        unit: 'MB',
        target: '< 300 MB',
        pass: peak < 300,
      },
      {
        suite,
        name: 'slowest /healthz throughout (polled every 50 ms)',
        value: round(slowest, 1),
        unit: 'ms',
        target: '< 100 ms',
        pass: slowest < 100,
      },
    ];
  },
};
