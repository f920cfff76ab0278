import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { runServer } from '../../../server/index';
import { parseFlags, UsageError, type CliCommand } from '../command';
import { storageFlags, storageFrom } from './storage-flags';

const usage = `Usage: ricochet server [--host 127.0.0.1] [--port 8787] [--data ./ricochet-data | --database-url postgres://…]
       [--tls-cert <file> --tls-key <file>] [--rate-limit <burst>/<per second>] [--trust-proxy <proxy address>]
       [--updates <folder of installers and latest*.yml>] [--quiet]
Runs the team server: SQLite under --data by default, PostgreSQL with --database-url
(or $RICOCHET_DATABASE_URL). With --updates, the desktop apps update themselves from
<server>/updates/. Stops gracefully on SIGTERM or SIGINT.`;

export const serverCommand: CliCommand = {
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8787' },
      ...storageFlags,
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      quiet: { type: 'boolean' },
      'rate-limit': { type: 'string', default: '120/20' },
      'trust-proxy': { type: 'string' },
      updates: { type: 'string' },
    });
    const updates = values.updates && resolve(values.updates);
    if (updates && !statSync(updates, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`--updates: "${values.updates}" is not a folder`);
    const rate = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values['rate-limit']);
    if (!rate || Number(rate[1]) < 1 || Number(rate[2]) <= 0)
      throw new UsageError(
        `--rate-limit: "${values['rate-limit']}" is not like 120/20 (a burst, then requests per second, per token)`,
      );
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${values.port}" is not a port`);
    if (!!values['tls-cert'] !== !!values['tls-key'])
      throw new UsageError('--tls-cert and --tls-key go together');
    const server = await runServer({
      host: values.host,
      port,
      storage: storageFrom(values, io),
      tls: values['tls-cert'] ? { cert: values['tls-cert'], key: values['tls-key']! } : undefined,
      logger: !values.quiet,
      ...(updates ? { updatesDir: updates } : {}),
      rateLimit: { capacity: Number(rate[1]), perSecond: Number(rate[2]) },
      // "--trust-proxy 127.0.0.1" behind a local reverse proxy; "true" trusts any hop.
      ...(values['trust-proxy']
        ? { trustProxy: values['trust-proxy'] === 'true' ? true : values['trust-proxy'] }
        : {}),
    });
    io.out(`ricochet server listening on ${server.url} (${server.context.storage.kind})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void server.close().then(resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return 0;
  },
};
