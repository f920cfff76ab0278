import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openStorage } from '../../server/db/connect';
import { createInvite, createOrganisation, join as joinTeam } from '../../server/store/members';
import { freePort } from '../support/free-port';
import { spawnServer } from '../support/server-process';
import { client, storageFor } from '../support/team-server';
import { percentile, round, type Benchmark, type BenchRow } from './bench-kit';

const CLIENTS = 1000;
const UPDATES = 200;

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/**
 * Connects CLIENTS sockets, sends UPDATES messages one after another through `send`, and
 * measures when each client receives each one. `tag` finds the update index in a message.
 */
async function fanOut(
  wsUrl: string,
  headers: (client: number) => Record<string, string>,
  send: (i: number) => Promise<void>,
  tag: (m: string) => number | undefined,
) {
  const sentAt: number[] = [];
  const latencies: number[] = [];
  let received = 0;
  let lastAt = 0;
  const sockets: WebSocket[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const ws = new WebSocket(wsUrl, { headers: headers(c) });
    ws.on('message', (data) => {
      const i = tag(String(data));
      if (i === undefined) return;
      const now = performance.now();
      latencies.push(now - sentAt[i]!);
      received++;
      lastAt = now;
    });
    await new Promise((resolve, reject) => ws.once('message', resolve).once('error', reject));
    sockets.push(ws);
  }
  const start = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    sentAt[i] = performance.now();
    await send(i);
  }
  const deadline = Date.now() + 60_000;
  while (received < CLIENTS * UPDATES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const ws of sockets) ws.terminate();
  latencies.sort((a, b) => a - b);
  return {
    received,
    perSecond: received / ((lastAt - start) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Which update a stream message carries (its status text), for both servers alike. */
function updateIndex(message: string): number | undefined {
  const match = /"text":"update (\d+)"/.exec(message);
  return match ? Number(match[1]) : undefined;
}

export const benchmark: Benchmark = {
  suite: 'team server stream',
  async run() {
    // Baseline: a bare ws broadcast of the same messages to the same number of clients.
    const barePort = await freePort();
    const bare = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'bare-broadcast-server.ts'), String(barePort)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => bare.stdout.once('data', resolve));
    // The same bytes as Ricochet's stream sends for a status change (same length, same tag).
    const sameAsOurs = (i: number) => {
      const at = new Date().toISOString();
      const id = '0190f1c2-7d3e-7a10-8b2c-4d5e6f708192';
      return JSON.stringify({
        type: 'change',
        change: {
          seq: 1000 + i,
          kind: 'status',
          memberId: id,
          entityId: id,
          at,
          data: { state: 'focus', emoji: null, text: `update ${i}`, until: null, updatedAt: at },
        },
      });
    };
    const runBare = () =>
      fanOut(
        `ws://127.0.0.1:${barePort}/`,
        () => ({}),
        async (i) =>
          void (await fetch(`http://127.0.0.1:${barePort}/`, { method: 'POST', body: sameAsOurs(i) })),
        updateIndex,
      );

    // Ricochet: status updates through the HTTP API, fanned out by the server's stream.
    const config = await storageFor('sqlite');
    const storage = await openStorage(config);
    const team = await createOrganisation(storage.db, {
      name: 'Bench',
      adminName: 'Ana',
      adminEmail: 'ana@bench.test',
    });
    // Each client is a member of its own (a member holds at most a few streams).
    const invite = await createInvite(storage.db, team.team.id, { uses: CLIENTS });
    const readers: string[] = [];
    for (let c = 0; c < CLIENTS; c++)
      readers.push(
        (await joinTeam(storage.db, { code: invite.code, name: `R${c}`, email: `r${c}@bench.test` })).token,
      );
    await storage.close();
    // Measuring the fan-out, not one member's rate limit (200 updates back to back).
    const server = await spawnServer(config, undefined, ['--rate-limit', '10000/1000']);
    const writers: ReturnType<typeof client>[] = [];
    for (let w = 0; w < 10; w++) {
      const joined = await client(server.url)('POST', '/v1/join', {
        code: team.invite,
        name: `W${w}`,
        email: `w${w}@bench.test`,
      });
      writers.push(client(server.url, joined.body.token));
    }
    const runOurs = () =>
      fanOut(
        `${server.url.replace('http', 'ws')}/v1/stream`,
        (c) => ({ authorization: `Bearer ${readers[c]}` }),
        async (i) => {
          const res = await writers[i % writers.length]!('PUT', '/v1/me/status', {
            state: 'focus',
            text: `update ${i}`,
          });
          if (res.status !== 200) throw new Error(`status update ${i}: ${res.status}`);
        },
        updateIndex,
      );
    // Three rounds each, alternated, and the median round kept: one GC pause on either side
    // moves a p99 a lot, and this compares the two, not their luck.
    const bareRuns = [];
    const ourRuns = [];
    for (let round = 0; round < 3; round++) {
      bareRuns.push(await runBare());
      ourRuns.push(await runOurs());
    }
    const median = (runs: Awaited<ReturnType<typeof fanOut>>[]) =>
      [...runs].sort((a, b) => a.p99 - b.p99)[1]!;
    const baseline = { ...median(bareRuns), received: Math.min(...bareRuns.map((r) => r.received)) };
    const ours = { ...median(ourRuns), received: Math.min(...ourRuns.map((r) => r.received)) };
    const bareRss = peakRssMb(bare.pid!);
    bare.kill();
    const serverRss = peakRssMb(server.pid);
    await server.kill('SIGTERM');

    const suite = this.suite;
    const shape = `${CLIENTS} clients × ${UPDATES} updates`;
    const rows: BenchRow[] = [
      {
        suite,
        name: `bare ws broadcast, deliveries/s (${shape})`,
        value: Math.round(baseline.perSecond),
        unit: '/s',
      },
      {
        suite,
        name: 'Ricochet: HTTP status update → every stream, deliveries/s',
        value: Math.round(ours.perSecond),
        unit: '/s',
        ratio: round(ours.perSecond / baseline.perSecond),
        baseline: 'bare ws broadcast',
        target: '≥ 0.5×',
        pass: ours.perSecond / baseline.perSecond >= 0.5 && ours.received === CLIENTS * UPDATES,
      },
      {
        suite,
        name: 'Ricochet: deliveries received of expected',
        value: ours.received,
        unit: `of ${CLIENTS * UPDATES}`,
        pass: ours.received === CLIENTS * UPDATES,
      },
      {
        suite,
        name: 'Ricochet: latency request → receipt, p50',
        value: round(ours.p50, 1),
        unit: 'ms',
        ratio: round(ours.p50 / baseline.p50, 1),
        baseline: `bare p50 ${round(baseline.p50, 1)} ms`,
      },
      {
        suite,
        name: 'Ricochet: latency request → receipt, p99',
        value: round(ours.p99, 1),
        unit: 'ms',
        ratio: round(ours.p99 / baseline.p99, 2),
        baseline: `bare p99 ${round(baseline.p99, 1)} ms`,
        // A ratio, so that it holds on a busy machine as on an idle one.
        target: '≤ 1.25×',
        pass: ours.p99 <= 1.25 * baseline.p99,
      },
      {
        suite,
        name: 'Ricochet server peak memory (RSS)',
        value: round(serverRss, 0),
        unit: 'MB',
        ratio: round(serverRss / bareRss, 1),
        baseline: `bare server ${round(bareRss, 0)} MB`,
        target: '< 250 MB',
        pass: serverRss < 250,
      },
    ];
    return rows;
  },
};
