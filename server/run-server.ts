import { readFileSync } from 'node:fs';
import { openStorage, type StorageConfig } from './db/connect';
import { buildServer, type RicochetServer } from './http/app';

export interface RunOptions {
  host: string;
  port: number;
  storage: StorageConfig;
  tls?: { cert: string; key: string };
  logger?: boolean;
  rateLimit?: { capacity: number; perSecond: number };
  now?: () => number;
  requestTimeoutMs?: number;
  trustProxy?: boolean | string;
  streamHeartbeatMs?: number;
  askSweepMs?: number;
  perRecipient?: number;
}

/** Opens the database, serves the API, and gives back the address and a graceful close. */
export async function runServer(options: RunOptions): Promise<RicochetServer & { url: string }> {
  const storage = await openStorage(options.storage, { checkpointInBackground: true });
  const https = options.tls && {
    cert: readFileSync(options.tls.cert, 'utf8'),
    key: readFileSync(options.tls.key, 'utf8'),
  };
  const server = await buildServer({
    storage,
    logger: options.logger ?? false,
    https,
    rateLimit: options.rateLimit,
    now: options.now,
    requestTimeoutMs: options.requestTimeoutMs,
    trustProxy: options.trustProxy,
    streamHeartbeatMs: options.streamHeartbeatMs,
    askSweepMs: options.askSweepMs,
    perRecipient: options.perRecipient,
  });
  const address = await server.app.listen({ host: options.host, port: options.port });
  return {
    ...server,
    url: address,
    async close() {
      await server.close();
      await storage.close();
    },
  };
}
