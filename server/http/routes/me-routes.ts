import { availabilityBody, profilePatch, statusBody } from '../../../shared/protocol/schemas';
import { availabilityData, meResponse, selfData, statusData } from '../../../shared/protocol/responses';
import { organisationOf, selfOf } from '../../store/members';
import { setStatus, updateProfile } from '../../store/team-data';
import { setAvailability } from '../../store/device-availability';
import { answers, errors } from '../route-docs';
import { idParams, me, myDevice, noContent, type RouteKit } from './route-kit';
import { setStar } from '../../store/stars';
import { starsData } from '../../../shared/protocol/changes';

/** The caller: who they are, their profile, status and published availability. */
export function meRoutes({ app, context, mutate }: RouteKit) {
  const { db } = context.storage;
  app.get(
    '/v1/me',
    {
      schema: { description: 'the caller, with its team', response: answers(meResponse, 'member and team') },
    },
    async (request) => ({ ...selfOf(me(request)), team: await organisationOf(db, me(request).orgId) }),
  );
  app.patch(
    '/v1/me',
    { schema: { body: profilePatch, response: answers(selfData, 'the updated member') } },
    async (request) => {
      const caller = me(request);
      // Stored and answered at once either way; a burst reaches the others once (its last edit).
      const publish = context.profiles.admit(caller.id);
      const updated = await mutate({
        org: caller.orgId,
        store: () => updateProfile(db, caller, request.body, publish, context.now()),
        // New hours or zone move the asks waiting for me (from the updated profile).
        presenceOf: (updated) => updated,
      });
      if (!publish) context.profiles.hold(caller.id);
      return selfOf(updated);
    },
  );
  app.put(
    '/v1/me/status',
    { schema: { body: statusBody, response: answers(statusData, 'the status') } },
    async (request) => {
      const caller = me(request);
      return mutate({
        org: caller.orgId,
        store: () => setStatus(db, caller, request.body, context.now()),
        presenceOf: caller,
      });
    },
  );
  app.delete(
    '/v1/me/status',
    { schema: { response: { 204: noContent('cleared'), ...errors } } },
    async (request, reply) => {
      const caller = me(request);
      await mutate({
        org: caller.orgId,
        store: () => setStatus(db, caller, null, context.now()),
        presenceOf: caller,
      });
      return reply.code(204).send(null);
    },
  );
  for (const [method, on] of [
    ['put', true],
    ['delete', false],
  ] as const)
    app[method](
      '/v1/me/stars/:id',
      {
        schema: {
          description: on
            ? 'star someone of the organisation: their presence reaches me wherever they work'
            : 'unstar someone',
          params: idParams,
          response: answers(starsData, 'the people I star'),
        },
      },
      async (request) => {
        const caller = me(request);
        const ids = await mutate({
          org: caller.orgId,
          store: () => setStar(db, caller, request.params.id, on, context.now()),
        });
        return { ids };
      },
    );
  app.put(
    '/v1/me/availability',
    { schema: { body: availabilityBody, response: answers(availabilityData, 'stored') } },
    async (request) => {
      const caller = me(request);
      return mutate({
        org: caller.orgId,
        store: () => setAvailability(db, caller, myDevice(request), request.body, context.now()),
        presenceOf: caller,
      });
    },
  );
}
