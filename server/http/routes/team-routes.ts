import { z } from 'zod';
import { boardQuery, syncQuery } from '../../../shared/protocol/schemas';
import {
  boardResponse,
  inviteResponse,
  memberData,
  syncPageSchema,
} from '../../../shared/protocol/responses';
import { readChanges } from '../../store/change-log';
import { scopeOf } from '../../store/visibility';
import { createInvite, publicMember, removeMember, revokeInvite } from '../../store/members';
import { answers, errors } from '../route-docs';
import { BoardCache } from './board-cache';
import { idParams, me, noContent, requireAdmin, teamMember, type RouteKit } from './route-kit';

const revokeBody = z.object({ code: z.string().min(1).max(100) }).strict();
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

/** The organisation as a whole: its board, its members, its invites, and its change log. */
export function teamRoutes({ app, context, mutate }: RouteKit) {
  const { db } = context.storage;
  const boards = new BoardCache(db, context.now);
  app.get(
    '/v1/board',
    { schema: { querystring: boardQuery, response: answers(boardResponse, '{members: [...]}') } },
    // Serialised through its schema when it was filled: sent as it is.
    async (request, reply) => {
      const scope = await scopeOf(db, me(request).id);
      const json = await boards.json(me(request).orgId, scope, request.query.ids);
      return reply.type('application/json').send(json);
    },
  );
  app.get(
    '/v1/members/:id',
    { schema: { params: idParams, response: answers(memberData, 'a member of your organisation') } },
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
      await mutate({
        org: target.orgId,
        store: () => removeMember(db, target.id, context.now()),
        removes: target.id,
      });
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
      await revokeInvite(db, me(request).orgId, request.body.code);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/v1/invites',
    {
      schema: {
        description: 'admins: a new invite',
        body: inviteBody,
        response: { 201: inviteResponse.describe('{code, uses, expiresAt}'), ...errors },
      },
    },
    async (request, reply) => {
      requireAdmin(me(request));
      const body = request.body;
      const expiresAt = body.expiresInHours
        ? new Date(context.now() + body.expiresInHours * 3_600_000).toISOString()
        : undefined;
      return reply
        .code(201)
        .send(await createInvite(db, me(request).orgId, { uses: body.uses, expiresAt }, context.now()));
    },
  );

  app.get(
    '/v1/sync',
    { schema: { querystring: syncQuery, response: { 200: syncPageSchema, ...errors } } },
    async (request) => {
      const { since, limit, snapshot } = request.query;
      return readChanges(db, me(request).orgId, { since, limit, snapshot: !!snapshot }, me(request).id);
    },
  );
}
