import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StreamMessage } from '../../shared/protocol/changes';
import type { Member } from '../store/members';
import type { ServerContext } from './server-context';
import { bearerToken } from './bearer';
import { hashSecret } from '../store/secrets';
import { oneLookAtATime } from '../realtime/one-look-at-a-time';

const AUTH_TIMEOUT_MS = 5000;
const HEARTBEAT_MS = 30_000;

const send = (socket: WebSocket, message: StreamMessage) => socket.send(JSON.stringify(message));

/** The path of an upgrade request, or null for one no URL parser accepts ("//[", "%"). */
export function streamPath(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/**
 * GET /v1/stream: a WebSocket that pushes each change of the caller's team with its
 * sequence number. The token comes in the Authorization header (desktop, CLI) or as the
 * first message {type: "auth", token} (browsers cannot set headers); never in the URL.
 */
export function attachStream(
  app: FastifyInstance,
  context: ServerContext,
  heartbeatMs = HEARTBEAT_MS,
  revocationCheckMs?: number,
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakSet<WebSocket>();
  /** Each stream's token: the revocation query below closes the streams of a revoked one. */
  const tokens = new WeakMap<WebSocket, string>();

  const start = async (socket: WebSocket, member: Member) => {
    const cursor = await context.hub.subscribe(member.orgId, socket, member.id);
    send(socket, { type: 'ready', cursor });
  };

  app.server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy()); // a peer gone mid-handshake is not the server's fault
    if (streamPath(request.url) !== '/v1/stream') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const token = bearerToken(request);
    const address = context.clientAddress(request);
    // The same gate as every route: a blocked address's unknown tokens are not even looked up.
    void (token ? context.tokens.check(token, address) : Promise.resolve(null)).then(
      (answer) => {
        if (answer && 'refused' in answer) {
          socket.end(
            answer.refused === 429
              ? `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${answer.wait}\r\nContent-Type: application/json\r\n\r\n{"error":"rate_limited"}`
              : 'HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n{"error":"unauthorized"}',
          );
          return;
        }
        const member = answer?.member;
        // No token in the headers: it comes in the first message, counted per address meanwhile.
        const waiting = member ? undefined : context.tokens.openUnauthenticated(address);
        if (waiting && waiting.wait > 0) {
          socket.end(
            `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${waiting.wait}\r\nContent-Type: application/json\r\n\r\n{"error":"rate_limited","message":"too many streams waiting to authenticate from this address"}`,
          );
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          alive.add(ws);
          ws.on('pong', () => alive.add(ws));
          ws.on('error', () => ws.terminate());
          if (member) {
            tokens.set(ws, token!);
            return void start(ws, member).catch(() => ws.close(1011, 'cannot subscribe'));
          }
          const timer = setTimeout(() => ws.close(4401, 'authenticate first'), AUTH_TIMEOUT_MS);
          ws.once('close', () => waiting?.done(false));
          ws.once('message', (data) => {
            clearTimeout(timer);
            let first: { type?: string; token?: string } = {};
            try {
              first = JSON.parse(String(data));
            } catch {
              // answered below
            }
            // "null" or "3" parse as JSON but are no message: refused like any other.
            if (typeof first !== 'object' || first === null) first = {};
            if (first.type !== 'auth' || typeof first.token !== 'string')
              return ws.close(4400, 'expected {"type":"auth","token":…}');
            const given = first.token;
            void context.tokens
              .check(given, address)
              .then((checked) => (waiting?.done('member' in checked), checked))
              .then((checked) =>
                'member' in checked
                  ? (tokens.set(ws, given), start(ws, checked.member))
                  : (send(ws, { type: 'error', error: 'unauthorized', message: 'this token is not valid' }),
                    ws.close(4401, 'unauthorized')),
              );
          });
        });
      },
      () => socket.destroy(),
    );
  });

  // A token revoked anywhere (a removal or a rotation by the admin command, another instance on
  // the same PostgreSQL) closes its streams: one query for the tokens revoked since the last look,
  // whatever the number of streams. It runs when a revocation may have happened (a write here,
  // another process's announced write), and on a clock only where told (`revocationCheckMs`:
  // PostgreSQL, whose other instances revoke without telling this one's requests).
  let lookedAt = new Date(context.now() - 5_000).toISOString();
  const checkRevocations = oneLookAtATime(async () => {
    if (wss.clients.size === 0) return;
    const since = lookedAt;
    lookedAt = new Date(context.now() - 5_000).toISOString(); // a margin for clocks and slow commits
    // A look that fails is covered by the next one (its window starts before this one's).
    const rows = await context.storage.db
      .selectFrom('tokens')
      .select('hash')
      .where('revoked_at', '>=', since)
      .execute();
    if (rows.length === 0) return;
    const revoked = new Set(rows.map((r) => r.hash));
    for (const ws of wss.clients) {
      const token = tokens.get(ws);
      if (token && revoked.has(hashSecret(token))) ws.close(4401, 'this token is no longer valid');
    }
  });
  const revocations = revocationCheckMs ? setInterval(checkRevocations, revocationCheckMs) : undefined;
  revocations?.unref();
  context.notifier.onOtherWrites(checkRevocations);

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    /** A request here may have revoked a token: look now. */
    checkRevocations,
    close() {
      clearInterval(heartbeat);
      clearInterval(revocations);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
