import { askBody, askUpdate } from '../../../shared/protocol/schemas';
import { askSchema, asksResponse } from '../../../shared/protocol/responses';
import { createAsk, listAsks, updateAsk } from '../../store/asks';
import { answers, created } from '../route-docs';
import { nameIn } from '../recipient-limit';
import { idParams, me, type RouteKit } from './route-kit';

/** Asks between two teammates, delivered when the person asked is next free. */
export function askRoutes({ app, context, mutate }: RouteKit) {
  const { db } = context.storage;
  app.post(
    '/v1/asks',
    {
      schema: {
        description: 'ask a teammate something: delivered when they are next free',
        body: askBody,
        response: created(askSchema, 'the ask'),
      },
    },
    async (request, reply) => {
      const caller = me(request);
      await context.recipients.check(caller.id, [request.body.to], nameIn(db));
      const { ask, created: isNew } = await mutate({
        org: caller.orgId,
        store: () => createAsk(db, caller, request.body, context.now()),
        changed: (r) => r.created,
        asks: true,
      });
      if (isNew) context.recipients.note(caller.id, [request.body.to]);
      return reply.code(isNew ? 201 : 200).send(ask);
    },
  );
  app.get(
    '/v1/asks',
    {
      schema: {
        description: 'asks delivered to me, and made by me',
        response: answers(asksResponse, '{asks}'),
      },
    },
    async (request) => ({ asks: await listAsks(db, me(request)) }),
  );
  app.patch(
    '/v1/asks/:id',
    { schema: { params: idParams, body: askUpdate, response: answers(askSchema, 'the ask') } },
    async (request) => {
      const caller = me(request);
      return mutate({
        org: caller.orgId,
        store: () => updateAsk(db, caller, request.params.id, request.body, context.now()),
        asks: true,
      });
    },
  );
}
