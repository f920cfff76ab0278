import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';
import type { WebSocketServer } from 'ws';
import type { CoreHandlers } from '../core/index';
import { serveBridge } from './bridge';

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface WebServerOptions {
  port: number;
  /** The built renderer (index.html and assets). */
  root: string;
  handlers: CoreHandlers;
  subscribe: (send: (event: string, payload?: unknown) => void) => () => void;
}

/**
 * The browser mode: the renderer's files and a WebSocket bridge to the core, on loopback
 * only. The bridge needs a secret made for this run, which only the printed URL carries
 * (in its #fragment, so it never reaches a log or a Referer).
 */
export async function startWebServer(options: WebServerOptions) {
  const secret = randomBytes(24).toString('base64url');
  const files = staticFiles(resolve(options.root));
  const server = createServer((req, res) => serveFile(req, res, files, port));
  // ws loads when the first window connects: a browser mode nobody has opened yet holds
  // neither it nor what it requires (docs/benchmarks.md, "at rest").
  let wss: Promise<WebSocketServer> | undefined;
  const bridges = () =>
    (wss ??= import('ws').then(
      ({ WebSocketServer }) => new WebSocketServer({ noServer: true, maxPayload: 5 * 1024 * 1024 }),
    ));
  let port = options.port;
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    // Only pages this server served may connect: stops other sites (and DNS rebinding).
    if (
      pathOf(req.url) !== '/bridge' ||
      !isLocalHost(req.headers.host, port) ||
      (req.headers.origin && !isLocalOrigin(req.headers.origin, port))
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    void bridges().then((server) =>
      server.handleUpgrade(req, socket, head, (ws) =>
        serveBridge(ws, secret, options.handlers, options.subscribe),
      ),
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    port,
    secret,
    close: async () => {
      for (const ws of (await wss)?.clients ?? []) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const isLocalHost = (host: string | undefined, port: number) =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;
const isLocalOrigin = (origin: string, port: number) =>
  origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

/** The path of a request, or null for one no URL parser accepts. */
function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/**
 * The built renderer through sirv (a maintained static handler: safe decoding, no way out of
 * the folder, index.html for app routes), with the page's security headers.
 */
function staticFiles(root: string) {
  return sirv(root, {
    single: true,
    dev: false,
    etag: false,
    setHeaders: (res) => {
      res.setHeader('content-security-policy', csp);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('cache-control', 'no-store');
    },
  });
}

function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  files: ReturnType<typeof staticFiles>,
  port: number,
) {
  if (!isLocalHost(req.headers.host, port)) {
    res.writeHead(403).end('forbidden host');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  if (pathOf(req.url) === null) {
    res.writeHead(400).end('bad request');
    return;
  }
  files(req, res, () => void res.writeHead(404).end());
}
