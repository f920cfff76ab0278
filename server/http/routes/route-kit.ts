import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../shared/protocol/schemas';
import { ApiError } from '../../store/api-error';
import { getMember, type Member } from '../../store/members';
import type { ServerContext } from '../server-context';
import { mutations, type Mutate } from './mutation';

/** What each resource's routes are given: the typed app, the shared context, the write path. */
export interface RouteKit {
  app: FastifyInstance<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    FastifyBaseLogger,
    ZodTypeProvider
  >;
  context: ServerContext;
  mutate: Mutate;
}

export const kitOf = (server: FastifyInstance, context: ServerContext): RouteKit => ({
  app: server.withTypeProvider<ZodTypeProvider>(),
  context,
  mutate: mutations(context),
});

export const idParams = z.object({ id: idSchema }).strict();
export const noContent = (description: string) => z.null().describe(description);

export const me = (request: FastifyRequest): Member => request.member!;
export const myDevice = (request: FastifyRequest): string => request.device!;

export function requireAdmin(member: Member) {
  if (member.role !== 'admin')
    throw new ApiError(403, 'forbidden', 'only an admin of the organisation may do this');
}

/** Member-scoped: another organisation's member answers 404, as if it did not exist. */
export async function teamMember(context: ServerContext, caller: Member, id: string): Promise<Member> {
  const member = await getMember(context.storage.db, id).catch(() => undefined);
  if (!member || member.orgId !== caller.orgId) throw new ApiError(404, 'not_found', 'member not found');
  return member;
}
