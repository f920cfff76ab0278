import { z } from 'zod';
import {
  askBody,
  askUpdate,
  availabilityBody,
  joinBody,
  postBody,
  profilePatch,
  statusBody,
} from '../../shared/protocol/schemas';

const body = (schema: z.ZodType) => ({
  required: true,
  content: {
    'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
  },
});
const errors = {
  '400': { description: 'invalid request: {error, message}' },
  '401': { description: 'no or bad token' },
  '429': { description: 'rate limited, see Retry-After' },
};

let cached: object | undefined;

/** The API description, built from the same zod schemas the server validates with. */
export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Ricochet team server', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      '/v1/join': {
        post: {
          security: [],
          requestBody: body(joinBody),
          responses: {
            '201': { description: '{token, member, team}' },
            '403': { description: 'wrong, used-up or expired invite' },
          },
        },
      },
      '/v1/me': {
        get: { responses: { '200': { description: 'the caller, with its team {id, name}' }, ...errors } },
        patch: {
          requestBody: body(profilePatch),
          responses: { '200': { description: 'the updated member' }, ...errors },
        },
      },
      '/v1/me/status': {
        put: {
          requestBody: body(statusBody),
          responses: { '200': { description: 'the status' }, ...errors },
        },
        delete: { responses: { '204': { description: 'cleared' }, ...errors } },
      },
      '/v1/me/availability': {
        put: {
          requestBody: body(availabilityBody),
          responses: { '200': { description: 'stored' }, ...errors },
        },
      },
      '/v1/posts': {
        post: {
          requestBody: body(postBody),
          responses: {
            '201': { description: 'created' },
            '200': { description: 'the same id again: the stored post' },
            ...errors,
          },
        },
        get: {
          parameters: [
            { name: 'before', in: 'query' },
            { name: 'limit', in: 'query' },
          ],
          responses: { '200': { description: '{posts}' }, ...errors },
        },
      },
      '/v1/posts/{id}': {
        patch: {
          description: 'edit one of your posts: {text}',
          responses: { '200': { description: 'the edited post' }, '403': { description: 'not yours' } },
        },
        delete: {
          responses: {
            '204': { description: 'deleted' },
            '403': { description: 'not yours' },
            '404': { description: 'no such post in your team' },
          },
        },
      },
      '/v1/asks': {
        post: {
          description: 'ask a teammate something: delivered when they are next free',
          requestBody: body(askBody),
          responses: { '201': { description: 'the ask, with deliverAt and waitsFor' }, ...errors },
        },
        get: { responses: { '200': { description: '{asks}: delivered to me, and made by me' }, ...errors } },
      },
      '/v1/asks/{id}': {
        patch: {
          description: 'the recipient marks it seen, answers, snoozes or dismisses it',
          requestBody: body(askUpdate),
          responses: { '200': { description: 'the ask' }, '404': { description: 'not an ask to you' } },
        },
      },
      '/v1/invites/revoke': {
        post: {
          description: 'an admin revokes an invite: {code}',
          responses: {
            '204': { description: 'revoked' },
            '404': { description: 'no such invite' },
            ...errors,
          },
        },
      },
      '/v1/board': { get: { responses: { '200': { description: '{members: [...]}' }, ...errors } } },
      '/v1/members/{id}': {
        get: {
          responses: {
            '200': { description: 'a member of your team' },
            '404': { description: 'not in your team' },
          },
        },
        delete: {
          responses: { '204': { description: 'removed (admins)' }, '403': { description: 'not an admin' } },
        },
      },
      '/v1/invites': { post: { responses: { '201': { description: '{code, uses, expiresAt} (admins)' } } } },
      '/v1/sync': {
        get: {
          parameters: [
            { name: 'since', in: 'query' },
            { name: 'limit', in: 'query' },
          ],
          responses: { '200': { description: '{changes, cursor, more}' } },
        },
      },
      '/v1/stream': {
        get: {
          description:
            'WebSocket. Token in the Authorization header or as the first message {"type":"auth","token":"…"}; never in the URL.',
        },
      },
    },
  };
  return cached;
}
