import { deviceLoginBody } from '../../../shared/protocol/schemas';
import { deviceCodeResponse, devicesResponse, joinResponseSchema } from '../../../shared/protocol/responses';
import { createDeviceCode, listDevices, redeemDeviceCode } from '../../store/devices';
import { removeDevice } from '../../store/device-availability';
import { selfOf } from '../../store/members';
import { FailureLimit, guessable } from '../rate-limit';
import { answers, errors, publicRoute } from '../route-docs';
import { idParams, me, myDevice, noContent, type RouteKit } from './route-kit';

/**
 * A person's devices: a signed-in device makes a one-time code, the new device redeems it for a
 * token of its own; each device is listed and can be signed out from any other.
 */
export function deviceRoutes({ app, context, mutate }: RouteKit) {
  const { db } = context.storage;
  const codeFailures = new FailureLimit(20, 60_000);
  app.post(
    '/v1/me/devices/code',
    {
      schema: {
        description: `a one-time code to sign another device in as me (valid minutes)`,
        response: { 201: deviceCodeResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createDeviceCode(db, me(request), context.now())),
  );
  app.get(
    '/v1/me/devices',
    { schema: { description: 'my devices', response: answers(devicesResponse, 'my devices, oldest first') } },
    async (request) => {
      const current = myDevice(request);
      const devices = await listDevices(db, me(request).id);
      return { devices: devices.map((d) => ({ ...d, current: d.id === current })) };
    },
  );
  app.delete(
    '/v1/me/devices/:id',
    {
      schema: {
        description: 'sign one of my devices out: its token stops working and its calendars stop counting',
        params: idParams,
        response: { 204: noContent('signed out'), ...errors },
      },
    },
    async (request, reply) => {
      const caller = me(request);
      await mutate({
        org: caller.orgId,
        store: () => removeDevice(db, caller, request.params.id, context.now()),
        presenceOf: caller,
      });
      return reply.code(204).send(null);
    },
  );
  // Redeemed by a device with no token yet: wrong codes are counted per address, as for joining.
  app.post(
    '/v1/devices',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        ...publicRoute('sign a new device in with a code from a signed-in one', {
          201: joinResponseSchema,
          403: errors[403],
          409: errors[409],
          429: errors[429],
        }),
        body: deviceLoginBody,
      },
    },
    async (request, reply) => {
      const result = await guessable(codeFailures, request, reply, 'wrong device codes', () =>
        redeemDeviceCode(db, { code: request.body.code, name: request.body.device }, context.now()),
      );
      context.tokens.remember(result.token);
      return reply.code(201).send({ ...result, member: selfOf(result.member) });
    },
  );
}
