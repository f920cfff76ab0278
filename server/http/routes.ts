import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  askBody,
  askSchema,
  askUpdate,
  availabilityBody,
  joinBody,
  joinResponseSchema,
  postBody,
  postsQuery,
  profilePatch,
  statusBody,
  syncPageSchema,
  syncQuery,
} from '../../shared/protocol/schemas';
import { ApiError } from '../store/api-error';
import { createAsk, listAsks, rescheduleAsksTo, updateAsk } from '../store/asks';
import { readChanges } from '../store/change-log';
import {
  createInvite,
  getMember,
  join,
  publicMember,
  removeMember,
  revokeInvite,
  teamOf,
  type Member,
} from '../store/members';
import {
  board,
  createPost,
  deletePost,
  editPost,
  listPosts,
  setAvailability,
  setStatus,
  updateProfile,
} from '../store/team-data';
import type { ServerContext } from './server-context';
import { hashSecret } from '../store/secrets';
import { FailureLimit } from './rate-limit';
import { created, errors, publicRoute, reply } from './route-docs';

const idParams = z.object({ id: z.string().min(1).max(64) }).strict();
const postEdit = z.object({ text: postBody.shape.text }).strict();
const revokeBody = z.object({ code: z.string().min(1).max(100) }).strict();
const noContent = (description: string) => z.null().describe(description);
const inviteBody = z
  .object({
    uses: z.number().int().min(1).max(10_000).optional(),
    expiresInHours: z
      .number()
      .min(0.1)
      .max(24 * 365)
      .optional(),
  })
  .strict();

const me = (request: FastifyRequest): Member => request.member!;

function requireAdmin(member: Member) {
  if (member.role !== 'admin') throw new ApiError(403, 'forbidden', 'only a team admin may do this');
}

/** Member-scoped: another team's member answers 404, as if it did not exist. */
async function teamMember(context: ServerContext, caller: Member, id: string): Promise<Member> {
  const member = await getMember(context.storage.db, id).catch(() => undefined);
  if (!member || member.teamId !== caller.teamId) throw new ApiError(404, 'not_found', 'member not found');
  return member;
}

/**
 * Every route with its schemas: Fastify validates each request with them (zod, 400 with the
 * field and the reason) and /v1/openapi.json is generated from the same schemas, so the
 * document cannot drift from what the server accepts.
 */
export function registerRoutes(server: FastifyInstance, context: ServerContext) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const joinFailures = new FailureLimit(20, 60_000);
  const { db } = context.storage;
  /** Every mutation ends here: announce the team's log grew, once it committed. */
  const changed = (teamId: string) => void context.notifier.changed(teamId);

  app.get(
    '/healthz',
    { config: { public: true }, schema: publicRoute('for monitoring', reply('{ok, database}')) },
    async () => ({
      ok: true,
      database: context.storage.kind,
    }),
  );
  app.get(
    '/v1/openapi.json',
    { config: { public: true }, schema: { ...publicRoute('this document', reply('OpenAPI 3')), hide: true } },
    async () => server.swagger(),
  );

  // Joining is tried by strangers: 20 attempts a minute per address (the real one behind a proxy).
  app.post(
    '/v1/join',
    {
      // The general limit per address stays; wrong codes are counted separately below.
      config: { public: true, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        ...publicRoute('join a team with an invite code', {
          201: joinResponseSchema,
          403: errors[403],
          409: errors[409],
          429: errors[429],
        }),
        body: joinBody,
      },
    },
    async (request, reply) => {
      // Only failures count: a whole office joining through one proxy is never blocked,
      // a stranger guessing codes is (per real address, and per invite once a code is right).
      const keys = [`ip:${request.ip}`, `invite:${hashSecret(request.body.code)}`];
      const wait = Math.max(...keys.map((k) => joinFailures.blocked(k)));
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new ApiError(429, 'rate_limited', `too many failed attempts to join; try again in ${wait} s`);
      }
      try {
        const result = await join(db, request.body);
        changed(result.team.id);
        return reply.code(201).send(result);
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) {
          joinFailures.failed(keys[0]!);
          // A right code that keeps failing (an invite being abused) is slowed down too.
          if (error.code !== 'invite_invalid') joinFailures.failed(keys[1]!);
        }
        throw error;
      }
    },
  );

  app.get(
    '/v1/me',
    { schema: { description: 'the caller, with its team', response: reply('member and team') } },
    async (request) => ({ ...me(request), team: await teamOf(db, me(request).teamId) }),
  );
  /** My status, calendar or hours changed: asks waiting for me get their new time. */
  const reschedule = async (member: Member) => {
    await rescheduleAsksTo(db, member, context.now());
    await context.asks.check();
  };

  app.patch(
    '/v1/me',
    { schema: { body: profilePatch, response: reply('the updated member') } },
    async (request) => {
      const updated = await updateProfile(db, me(request), request.body);
      await reschedule(updated);
      changed(updated.teamId);
      return updated;
    },
  );

  app.put(
    '/v1/me/status',
    { schema: { body: statusBody, response: reply('the status') } },
    async (request) => {
      const status = await setStatus(db, me(request), request.body);
      await reschedule(me(request));
      changed(me(request).teamId);
      return status;
    },
  );
  app.delete(
    '/v1/me/status',
    { schema: { response: { 204: noContent('cleared'), ...errors } } },
    async (request, reply) => {
      await setStatus(db, me(request), null);
      await reschedule(me(request));
      changed(me(request).teamId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/v1/me/availability',
    { schema: { body: availabilityBody, response: reply('stored') } },
    async (request) => {
      const availability = await setAvailability(db, me(request), request.body);
      await reschedule(me(request));
      changed(me(request).teamId);
      return availability;
    },
  );

  app.post(
    '/v1/asks',
    {
      schema: {
        description: 'ask a teammate something: delivered when they are next free',
        body: askBody,
        response: { 200: askSchema, 201: askSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { ask, created } = await createAsk(db, me(request), request.body, context.now());
      if (created) {
        await context.asks.arm();
        changed(me(request).teamId);
      }
      return reply.code(created ? 201 : 200).send(ask);
    },
  );
  app.get(
    '/v1/asks',
    {
      schema: {
        description: 'asks delivered to me, and made by me',
        response: { 200: z.object({ asks: z.array(askSchema) }), ...errors },
      },
    },
    async (request) => ({ asks: await listAsks(db, me(request)) }),
  );
  app.patch(
    '/v1/asks/:id',
    { schema: { params: idParams, body: askUpdate, response: { 200: askSchema, ...errors } } },
    async (request) => {
      const ask = await updateAsk(db, me(request), request.params.id, request.body, context.now());
      await context.asks.arm();
      changed(me(request).teamId);
      return ask;
    },
  );

  app.post(
    '/v1/posts',
    { schema: { body: postBody, response: created('the post (201 new, 200 the same id again)') } },
    async (request, reply) => {
      const { post, created } = await createPost(db, me(request), request.body);
      if (created) changed(me(request).teamId);
      return reply.code(created ? 201 : 200).send(post);
    },
  );
  app.get(
    '/v1/posts',
    { schema: { querystring: postsQuery, response: reply('{posts}, newest first') } },
    async (request) => {
      const query = request.query;
      return { posts: await listPosts(db, me(request).teamId, query.before, query.limit) };
    },
  );
  app.patch(
    '/v1/posts/:id',
    {
      schema: {
        description: 'edit one of your posts',
        params: idParams,
        body: postEdit,
        response: reply('the edited post'),
      },
    },
    async (request) => {
      const post = await editPost(db, me(request), request.params.id, request.body.text);
      changed(me(request).teamId);
      return post;
    },
  );
  app.delete(
    '/v1/posts/:id',
    { schema: { params: idParams, response: { 204: noContent('deleted'), ...errors } } },
    async (request, reply) => {
      await deletePost(db, me(request), request.params.id);
      changed(me(request).teamId);
      return reply.code(204).send(null);
    },
  );

  app.get('/v1/board', { schema: { response: reply('{members: [...]}') } }, async (request) => ({
    members: await board(db, me(request).teamId),
  }));
  app.get(
    '/v1/members/:id',
    { schema: { params: idParams, response: reply('a member of your team') } },
    async (request) => publicMember(await teamMember(context, me(request), request.params.id)),
  );
  app.delete(
    '/v1/members/:id',
    {
      schema: {
        description: 'admins: remove a member',
        params: idParams,
        response: { 204: noContent('removed'), ...errors },
      },
    },
    async (request, reply) => {
      requireAdmin(me(request));
      const target = await teamMember(context, me(request), request.params.id);
      await removeMember(db, target.id);
      context.hub.closeMember(target.id);
      changed(target.teamId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/v1/invites/revoke',
    {
      schema: {
        description: 'admins: revoke an invite',
        body: revokeBody,
        response: { 204: noContent('revoked'), ...errors },
      },
    },
    async (request, reply) => {
      requireAdmin(me(request));
      await revokeInvite(db, me(request).teamId, request.body.code);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/v1/invites',
    {
      schema: {
        description: 'admins: a new invite',
        body: inviteBody,
        response: created('{code, uses, expiresAt}'),
      },
    },
    async (request, reply) => {
      requireAdmin(me(request));
      const body = request.body;
      const expiresAt = body.expiresInHours
        ? new Date(Date.now() + body.expiresInHours * 3_600_000).toISOString()
        : undefined;
      return reply.code(201).send(await createInvite(db, me(request).teamId, { uses: body.uses, expiresAt }));
    },
  );

  app.get(
    '/v1/sync',
    { schema: { querystring: syncQuery, response: { 200: syncPageSchema, ...errors } } },
    async (request) => {
      const query = request.query;
      return readChanges(db, me(request).teamId, query.since, query.limit, me(request).id);
    },
  );
}
