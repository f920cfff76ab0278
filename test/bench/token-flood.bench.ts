import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { createOrganisation, runServer } from '../../server/index';
import { storageFor } from '../support/team-server';
import { medianMs, round, type Benchmark } from './bench-kit';

/** One GET on loopback with a token and a forwarded address; resolves with the status. */
function get(port: number, token: string, ip: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/me',
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end();
  });
}

/**
 * 50,000 requests with random tokens from as many addresses (behind a trusted proxy): a real
 * member's requests stay fast and the server's memory stays bounded, against the same
 * member's requests measured before the flood in the same run.
 */
export const benchmark: Benchmark = {
  suite: 'random-token flood',
  async run() {
    const server = await runServer({
      host: '127.0.0.1',
      port: 0,
      storage: await storageFor('sqlite'),
      trustProxy: true,
    });
    const port = Number(new URL(server.url).port);
    const team = await createOrganisation(server.context.storage.db, {
      name: 'A',
      adminName: 'Ana',
      adminEmail: 'a@a.test',
    });
    const member = () => get(port, team.token, '192.0.2.1');
    const before = await medianMs(member, 50, 10);
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let sent = 0;
    const statuses = new Map<number, number>();
    const worker = async () => {
      while (sent < 50_000) {
        const n = sent++;
        const status = await get(
          port,
          randomBytes(32).toString('base64url'),
          `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
    const after = await medianMs(member, 50, 10);
    globalThis.gc?.();
    const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    await server.close();
    const ratio = round(after / before);
    return [
      {
        suite: 'random-token flood',
        name: `a member's request after 50,000 random tokens (${statuses.get(401) ?? 0} refused 401)`,
        value: round(after, 2),
        unit: 'ms',
        ratio,
        baseline: `before the flood: ${round(before, 2)} ms`,
        target: '≤ 2×',
        pass: ratio <= 2,
      },
      {
        suite: 'random-token flood',
        name: 'heap growth over the flood (server in this process)',
        value: round(heapGrowth, 1),
        unit: 'MB',
        target: '< 50 MB (bounded stores)',
        pass: heapGrowth < 50,
      },
    ];
  },
};
