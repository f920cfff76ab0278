import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageConfig } from '../../server/db/connect';
import { createOrganisation } from '../../server/store/members';
import { runServer } from '../../server/run-server';
import { hasPostgres, startPostgres } from './postgres';

export type Backend = 'sqlite' | 'postgres';

/** The backends the API suite runs on: SQLite always, PostgreSQL where it is installed. */
export const backends: Backend[] = hasPostgres() ? ['sqlite', 'postgres'] : ['sqlite'];

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;

export async function storageFor(backend: Backend): Promise<StorageConfig> {
  if (backend === 'sqlite')
    return { kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'ricochet-server-')) };
  cluster ??= await startPostgres();
  return { kind: 'postgres', url: await cluster.database() };
}

export function stopPostgres() {
  cluster?.stop();
  cluster = undefined;
}

/** A small HTTP client for tests: JSON in, {status, body, headers} out. */
export function client(url: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

/** A running server on loopback with one team, its admin and a second member. */
export async function teamServer(
  backend: Backend,
  options: { rateLimit?: { capacity: number; perSecond: number }; now?: () => number } = {},
) {
  const storage = await storageFor(backend);
  const server = await runServer({ host: '127.0.0.1', port: 0, storage, ...options });
  const team = await createOrganisation(
    server.context.storage.db,
    { name: 'Acme', adminName: 'Ana', adminEmail: 'ana@acme.test' },
    server.context.now(), // made at the server's time, as its routes would
  );
  const joined = await client(server.url)('POST', '/v1/join', {
    code: team.invite,
    name: 'Bob',
    email: 'bob@acme.test',
  });
  return {
    server,
    storage,
    url: server.url,
    team,
    admin: { ...team.admin, token: team.token, api: client(server.url, team.token) },
    bob: {
      ...joined.body.member,
      token: joined.body.token as string,
      api: client(server.url, joined.body.token),
    },
  };
}
