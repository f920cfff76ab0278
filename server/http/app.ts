import Fastify, { type FastifyInstance } from 'fastify';
import type { Storage } from '../db/connect';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AskScheduler } from '../realtime/ask-scheduler';
import { ChangeHub } from '../realtime/change-hub';
import { createNotifier } from '../realtime/notifier';
import { RecipientLimit } from './recipient-limit';
import { ProfileCoalescer } from '../realtime/profile-coalescer';
import { heldProfiles, publishHeldProfile } from '../store/team-data';
import { mutations } from './routes/mutation';
import { ApiError } from '../store/api-error';
import type { Member } from '../store/members';
import { bearerToken } from './bearer';
import { registerRateLimits } from './rate-limit';
import { TokenGate } from './token-gate';
import { validate } from './validate';
import { registerRoutes } from './routes/index';
import { pruneTombstones } from '../store/change-log';
import type { ServerContext } from './server-context';
import { attachStream } from './stream';
import { serveUpdates } from './update-files';

declare module 'fastify' {
  interface FastifyRequest {
    member: Member | null;
    /** The caller's device (its token's public id). */
    device: string | null;
  }
  interface FastifyContextConfig {
    /** Routes that take no bearer token (join, health, the API description). */
    public?: boolean;
  }
}

export interface ServerOptions {
  storage: Storage;
  logger?: boolean;
  https?: { cert: string; key: string };
  /** Per token: a burst and a sustained rate. */
  rateLimit?: { capacity: number; perSecond: number };
  /** The clock asks are delivered by; tests pass their own. */
  now?: () => number;
  /** A request must arrive whole within this (a body trickled byte by byte is cut off). */
  requestTimeoutMs?: number;
  /** Trust X-Forwarded-For from a reverse proxy (true, or the proxy's address). */
  trustProxy?: boolean | string;
  /**
   * How often each stream is pinged, so a dead connection is cut. A token rotated or revoked (by
   * another process too: the admin command, another instance) closes its streams within a second
   * through the stream's one revocation query, not through a lookup per stream here.
   */
  streamHeartbeatMs?: number;
  /** Days a tombstone (deleted post, removed member) stays in the log (30). */
  tombstoneDays?: number;
  /** Mentions and asks one person may send another in a minute (10). */
  perRecipient?: number;
  /** A burst of one person's profile edits reaches the others once per this (3 s). */
  profileWindowMs?: number;
  /**
   * How often slow requests are looked for (a quarter of the request timeout by default). A
   * server inside the desktop app looks every 30 s, so at rest it does not wake the laptop.
   */
  connectionsCheckMs?: number;
  /** A folder of installers and their latest*.yml, served at /updates/ to the desktop's updater. */
  updatesDir?: string;
}

export type { ServerContext } from './server-context';

export interface RicochetServer {
  app: FastifyInstance;
  context: ServerContext;
  close(): Promise<void>;
}

const BODY_LIMIT = 256 * 1024;

export async function buildServer(options: ServerOptions): Promise<RicochetServer> {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // A request must arrive whole in time: a body trickled a byte every few seconds is cut
  // off, checked often enough for the limit to hold (Node checks every 30 s by default).
  const timeouts = {
    // Longer than any client keeps an idle connection (undici: 4 s), so the client always closes
    // first: a request never goes out on a socket the server is closing ("fetch failed").
    keepAliveTimeout: 72_000,
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 20_000),
    connectionsCheckingInterval:
      options.connectionsCheckMs ?? Math.max(100, Math.min(30_000, requestTimeout / 4)),
  };
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    serverFactory: (handler) =>
      options.https
        ? createHttpsServer({ ...options.https, ...timeouts }, handler)
        : createHttpServer(timeouts, handler),
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
    // Requests finish on SIGTERM; only idle keep-alive sockets are cut.
    forceCloseConnections: 'idle',
    // Behind the README's reverse proxy: the client's own address, for per-address limits.
    trustProxy: options.trustProxy ?? false,
  });
  const hub = new ChangeHub(options.storage.db);
  const notifier = await createNotifier(options.storage, hub, (m) => app.log.warn(m));
  const now = options.now ?? Date.now;
  const asks = new AskScheduler(options.storage.db, now, (orgId) => void notifier.changed(orgId));
  notifier.onOtherWrites(() => asks.rearm());
  // Tokens expire by the server's clock; the failure limit counts real time (a moved clock lifts no limit).
  const tokens = new TokenGate(options.storage.db, {}, undefined, now);
  const context: ServerContext = {
    storage: options.storage,
    hub,
    notifier,
    asks,
    now,
    tokens,
    recipients: new RecipientLimit(Date.now, options.perRecipient),
    profiles: new ProfileCoalescer((id) => publishHeld(id), options.profileWindowMs),
    log: (message) => app.log.warn(message),
    clientAddress: (request) => clientAddress(request, options.trustProxy ?? false),
  };
  const mutate = mutations(context);
  // A held profile edit goes out through the one write path, as the profile then is.
  const publishHeld = (memberId: string) =>
    mutate({
      org: (org) => org ?? '',
      store: () => publishHeldProfile(options.storage.db, memberId, context.now()),
      changed: (org) => org !== null,
    })
      .then(() => {})
      .catch((error: Error) => app.log.warn(`a held profile edit could not go out: ${error.message}`));

  // SQLite has one server process: a token it revokes is revoked by one of its own writes, so
  // the streams look for revocations after each write request, never on a clock (at rest, the
  // server sleeps). PostgreSQL's other instances revoke too: there, the stream also looks each second.
  const sqlite = options.storage.kind === 'sqlite';
  let afterWrite = () => {};
  if (sqlite)
    app.addHook('onResponse', async (request) => {
      // Any write, answered or refused (a refused sign-in renewal ends its session): one look at a
      // time, however many requests.
      if (request.method !== 'GET' && request.method !== 'HEAD') afterWrite();
    });
  app.decorateRequest('member', null);
  app.decorateRequest('device', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public) return;
    const token = bearerToken(request);
    if (!token) throw new ApiError(401, 'unauthorized', 'send a token as Authorization: Bearer <token>');
    const answer = await tokens.check(token, request.ip);
    if ('member' in answer) {
      request.member = answer.member;
      request.device = answer.device;
    } else if (answer.refused === 429) {
      reply.header('retry-after', String(answer.wait));
      throw new ApiError(
        429,
        'rate_limited',
        `too many invalid tokens from this address; try again in ${answer.wait} s`,
      );
    } else
      throw new ApiError(401, 'unauthorized', 'this token is not valid (revoked, or its member was removed)');
  });
  await registerRateLimits(app, {
    capacity: options.rateLimit?.capacity ?? 120,
    perSecond: options.rateLimit?.perSecond ?? 20,
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error instanceof ApiError)
      return reply.code(error.status).send({ error: error.code, message: error.message });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: `the body is larger than ${BODY_LIMIT / 1024} KB` });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .code(415)
        .send({ error: 'unsupported_media_type', message: 'send JSON with Content-Type: application/json' });
    }
    if (error.statusCode && error.statusCode < 500) {
      const invalidJson = error instanceof SyntaxError || /JSON/i.test(error.message);
      return reply.code(error.statusCode).send({
        error: invalidJson ? 'invalid_json' : 'bad_request',
        message: invalidJson ? `the body is not valid JSON: ${error.message}` : error.message,
      });
    }
    request.log.error(error);
    return reply.code(500).send({ error: 'internal', message: 'the server failed; nothing was changed' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  // Requests are validated by the routes' zod schemas (a 400 names the field and why); replies
  // are serialised through theirs (a field not in the schema never leaves the server);
  // /v1/openapi.json is generated from the same schemas.
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    try {
      return { value: validate(schema as z.ZodType, data) };
    } catch (error) {
      return { error: error as Error };
    }
  });
  app.setSerializerCompiler(({ schema }) => {
    if (!(schema instanceof z.ZodType)) return (data) => JSON.stringify(data);
    return (data) => JSON.stringify(schema.parse(data));
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Ricochet team server', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await registerRoutes(app, context);
  if (options.updatesDir) serveUpdates(app, options.updatesDir);
  const stream = attachStream(app, context, options.streamHeartbeatMs, sqlite ? undefined : 1_000);
  afterWrite = stream.checkRevocations;
  await asks.check(); // asks that came due while the server was down go out now
  // Profile edits held when the server last stopped go out now.
  for (const id of await heldProfiles(options.storage.db)) await publishHeld(id);
  // Once at start and daily: idempotent, so two instances on one database may both run it.
  const compact = () =>
    pruneTombstones(options.storage.db, options.tombstoneDays ?? 30, now()).catch((error: Error) =>
      app.log.warn(`compaction failed: ${error.message}`),
    );
  await compact();
  const compaction = setInterval(() => void compact(), 86_400_000);
  compaction.unref();

  return {
    app,
    context,
    async close() {
      clearInterval(compaction);
      asks.close();
      await context.profiles.close();
      stream.close();
      await app.close();
      await notifier.close();
    },
  };
}

/**
 * The client's address as Fastify's `request.ip` has it, for the stream's upgrade requests
 * (which Fastify does not route): walking back from the socket through X-Forwarded-For, the
 * first address that is not a trusted proxy (--trust-proxy: all, or a list of addresses).
 */
export function clientAddress(
  request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trust: boolean | string,
): string {
  const socket = request.socket.remoteAddress ?? '';
  const forwarded = request.headers['x-forwarded-for'];
  if (trust === false || typeof forwarded !== 'string') return socket;
  const proxies = typeof trust === 'string' ? trust.split(',').map((a) => a.trim()) : [];
  const trusted = (address: string) => trust === true || proxies.includes(address);
  const chain = [
    socket,
    ...forwarded
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .reverse(),
  ];
  return chain.find((address, i) => i === chain.length - 1 || !trusted(address)) ?? socket;
}
