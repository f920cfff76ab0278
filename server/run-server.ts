import { readFileSync } from 'node:fs';
import { openStorage, type StorageConfig } from './db/connect';
import { buildServer, type RicochetServer, type ServerOptions } from './http/app';

export interface RunOptions extends Omit<ServerOptions, 'storage' | 'https'> {
  host: string;
  port: number;
  storage: StorageConfig;
  tls?: { cert: string; key: string };
}

/** Opens the database, serves the API, and gives back the address and a graceful close. */
export async function runServer(options: RunOptions): Promise<RicochetServer & { url: string }> {
  const { host, port, storage: config, tls, ...serving } = options;
  const storage = await openStorage(config, { checkpointInBackground: true });
  const https = tls && { cert: readFileSync(tls.cert, 'utf8'), key: readFileSync(tls.key, 'utf8') };
  const server = await buildServer({ ...serving, storage, logger: options.logger ?? false, https });
  const address = await server.app.listen({ host, port });
  return {
    ...server,
    // Fastify serves through our https server without knowing it: the address says http.
    url: https ? address.replace(/^http:/, 'https:') : address,
    async close() {
      await server.close();
      await storage.close();
    },
  };
}
