import { z } from 'zod';
import { joinBody } from '../../../shared/protocol/schemas';
import { healthResponse, joinResponseSchema } from '../../../shared/protocol/responses';
import { join, selfOf } from '../../store/members';
import { FailureLimit, guessable } from '../rate-limit';
import { answers, errors, publicRoute } from '../route-docs';
import type { RouteKit } from './route-kit';

const openApiDocument = z.looseObject({ openapi: z.string() });

/** What anyone may call: the health check, this API's description, and joining with an invite. */
export function publicRoutes({ app, context, mutate }: RouteKit) {
  const joinFailures = new FailureLimit(20, 60_000);
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: publicRoute('for monitoring', answers(healthResponse, '{ok, database}')),
    },
    async () => ({ ok: true, database: context.storage.kind }),
  );
  app.get(
    '/v1/openapi.json',
    {
      config: { public: true },
      schema: { ...publicRoute('this document', answers(openApiDocument, 'OpenAPI 3')), hide: true },
    },
    async () => app.swagger(),
  );

  // Joining is tried by strangers: 20 attempts a minute per address (the real one behind a proxy).
  app.post(
    '/v1/join',
    {
      // The general limit per address stays; wrong codes are counted separately below.
      config: { public: true, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        ...publicRoute('join an organisation with an invite code', {
          201: joinResponseSchema,
          403: errors[403],
          409: errors[409],
          429: errors[429],
        }),
        body: joinBody,
      },
    },
    async (request, reply) => {
      // Only failures count, per real address: a whole office joining through one proxy is never
      // blocked, a stranger guessing codes is (a code is 128 random bits; guessing is the address's).
      const result = await guessable(joinFailures, request, reply, 'failed attempts to join', () =>
        mutate({ org: (r) => r.team.id, store: () => join(context.storage.db, request.body, context.now()) }),
      );
      context.tokens.remember(result.token);
      return reply.code(201).send({ ...result, member: selfOf(result.member) });
    },
  );
}
