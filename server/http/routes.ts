import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  askBody,
  askUpdate,
  availabilityBody,
  joinBody,
  postBody,
  postsQuery,
  profilePatch,
  statusBody,
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
import { openApiDocument } from './openapi';
import { validate } from './validate';

const idParams = z.object({ id: z.string().min(1).max(64) }).strict();
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

export function registerRoutes(app: FastifyInstance, context: ServerContext) {
  const { db } = context.storage;
  /** Every mutation ends here: announce the team's log grew, once it committed. */
  const changed = (teamId: string) => void context.notifier.changed(teamId);

  app.get('/healthz', { config: { public: true } }, async () => ({
    ok: true,
    database: context.storage.kind,
  }));
  app.get('/v1/openapi.json', { config: { public: true } }, async () => openApiDocument());

  // Joining is tried by strangers: 20 attempts a minute per address (the real one behind a proxy).
  app.post(
    '/v1/join',
    { config: { public: true, rateLimit: { max: 20, timeWindow: 60_000 } } },
    async (request, reply) => {
      const result = await join(db, validate(joinBody, request.body));
      changed(result.team.id);
      return reply.code(201).send(result);
    },
  );

  app.get('/v1/me', async (request) => ({ ...me(request), team: await teamOf(db, me(request).teamId) }));
  /** My status, calendar or hours changed: asks waiting for me get their new time. */
  const reschedule = async (member: Member) => {
    await rescheduleAsksTo(db, member, context.now());
    await context.asks.check();
  };

  app.patch('/v1/me', async (request) => {
    const updated = await updateProfile(db, me(request), validate(profilePatch, request.body));
    await reschedule(updated);
    changed(updated.teamId);
    return updated;
  });

  app.put('/v1/me/status', async (request) => {
    const status = await setStatus(db, me(request), validate(statusBody, request.body));
    await reschedule(me(request));
    changed(me(request).teamId);
    return status;
  });
  app.delete('/v1/me/status', async (request, reply) => {
    await setStatus(db, me(request), null);
    await reschedule(me(request));
    changed(me(request).teamId);
    return reply.code(204).send();
  });

  app.put('/v1/me/availability', async (request) => {
    const availability = await setAvailability(db, me(request), validate(availabilityBody, request.body));
    await reschedule(me(request));
    changed(me(request).teamId);
    return availability;
  });

  app.post('/v1/asks', async (request, reply) => {
    const { ask, created } = await createAsk(db, me(request), validate(askBody, request.body), context.now());
    if (created) {
      await context.asks.arm();
      changed(me(request).teamId);
    }
    return reply.code(created ? 201 : 200).send(ask);
  });
  app.get('/v1/asks', async (request) => ({ asks: await listAsks(db, me(request)) }));
  app.patch('/v1/asks/:id', async (request) => {
    const ask = await updateAsk(
      db,
      me(request),
      validate(idParams, request.params).id,
      validate(askUpdate, request.body),
      context.now(),
    );
    await context.asks.arm();
    changed(me(request).teamId);
    return ask;
  });

  app.post('/v1/posts', async (request, reply) => {
    const { post, created } = await createPost(db, me(request), validate(postBody, request.body));
    if (created) changed(me(request).teamId);
    return reply.code(created ? 201 : 200).send(post);
  });
  app.get('/v1/posts', async (request) => {
    const query = validate(postsQuery, request.query);
    return { posts: await listPosts(db, me(request).teamId, query.before, query.limit) };
  });
  app.patch('/v1/posts/:id', async (request) => {
    const { text } = validate(z.object({ text: postBody.shape.text }).strict(), request.body);
    const post = await editPost(db, me(request), validate(idParams, request.params).id, text);
    changed(me(request).teamId);
    return post;
  });
  app.delete('/v1/posts/:id', async (request, reply) => {
    await deletePost(db, me(request), validate(idParams, request.params).id);
    changed(me(request).teamId);
    return reply.code(204).send();
  });

  app.get('/v1/board', async (request) => ({ members: await board(db, me(request).teamId) }));
  app.get('/v1/members/:id', async (request) =>
    publicMember(await teamMember(context, me(request), validate(idParams, request.params).id)),
  );
  app.delete('/v1/members/:id', async (request, reply) => {
    requireAdmin(me(request));
    const target = await teamMember(context, me(request), validate(idParams, request.params).id);
    await removeMember(db, target.id);
    context.hub.closeMember(target.id);
    changed(target.teamId);
    return reply.code(204).send();
  });
  app.post('/v1/invites/revoke', async (request, reply) => {
    requireAdmin(me(request));
    const { code } = validate(z.object({ code: z.string().min(1).max(100) }).strict(), request.body);
    await revokeInvite(db, me(request).teamId, code);
    return reply.code(204).send();
  });
  app.post('/v1/invites', async (request, reply) => {
    requireAdmin(me(request));
    const body = validate(inviteBody, request.body);
    const expiresAt = body.expiresInHours
      ? new Date(Date.now() + body.expiresInHours * 3_600_000).toISOString()
      : undefined;
    return reply.code(201).send(await createInvite(db, me(request).teamId, { uses: body.uses, expiresAt }));
  });

  app.get('/v1/sync', async (request) => {
    const query = validate(syncQuery, request.query);
    return readChanges(db, me(request).teamId, query.since, query.limit, me(request).id);
  });
}
