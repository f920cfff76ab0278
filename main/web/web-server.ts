import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import type { CoreHandlers } from '../core/core-api';
import { serveBridge } from './bridge';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

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
  const root = resolve(options.root);
  const server = createServer((req, res) => serveFile(req, res, root, port));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let port = options.port;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Only pages this server served may connect: stops other sites (and DNS rebinding).
    if (
      url.pathname !== '/bridge' ||
      !isLocalHost(req.headers.host, port) ||
      (req.headers.origin && !isLocalOrigin(req.headers.origin, port))
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveBridge(ws, secret, options.handlers, options.subscribe),
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
    close: () =>
      new Promise<void>((done) => {
        for (const ws of wss.clients) ws.terminate();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const isLocalHost = (host: string | undefined, port: number) =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;
const isLocalOrigin = (origin: string, port: number) =>
  origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

function serveFile(req: IncomingMessage, res: ServerResponse, root: string, port: number) {
  if (!isLocalHost(req.headers.host, port)) {
    res.writeHead(403).end('forbidden host');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  let file = normalize(join(root, pathname));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
}
