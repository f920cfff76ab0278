import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../store/api-error';
import { organisationOfDirectory } from '../../store/directory';
import { bearerToken } from '../bearer';
import { FailureLimit } from '../rate-limit';
import type { RouteKit } from '../routes/route-kit';
import { scimGroupRoutes } from './scim-group-routes';
import { SCIM, scimServiceConfig } from './scim-schemas';
import { scimErrors, type ScimKit } from './scim-kit';
import { scimUserRoutes } from './scim-user-routes';

/** SCIM's own words for a refusal, where the RFC names one (RFC 7644 §3.12). */
const scimTypes = new Set(['uniqueness', 'invalidFilter', 'invalidValue', 'mutability', 'tooMany']);

/**
 * Directory sync (SCIM 2.0) under /scim/v2: the company's directory (Entra ID, Okta) provisions
 * people and teams with the organisation's directory secret (`ricochet admin scim`), not a
 * member's token. Bodies come as application/scim+json and answers go back so; refusals are
 * SCIM errors with the reason.
 */
export function scimRoutes(kit: RouteKit) {
  const { app, context } = kit;
  const failures = new FailureLimit(20, 60_000);
  const orgs = new WeakMap<FastifyRequest, string>();
  const json = app.getDefaultJsonParser('error', 'error');
  // A DELETE may carry the content type and no body: nothing to parse, not a malformed body.
  app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, (request, body, done) =>
    body.length === 0 ? done(null, undefined) : json(request, String(body), done),
  );
  app.addHook('onRequest', async (request, reply) => {
    const address = `ip:${request.ip}`;
    const wait = failures.blocked(address);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new ApiError(429, 'tooMany', `too many wrong directory secrets; try again in ${wait} s`);
    }
    const secret = bearerToken(request);
    const org = secret ? await organisationOfDirectory(context.storage.db, secret) : null;
    if (!org) {
      failures.failed(address);
      throw new ApiError(
        401,
        'unauthorized',
        'send the directory secret as Authorization: Bearer <secret> (an admin makes one with ricochet admin scim --org <id>)',
      );
    }
    orgs.set(request, org);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-type', 'application/scim+json; charset=utf-8');
    return payload;
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status =
      error instanceof ApiError ? error.status : (error.statusCode ?? 500) < 500 ? error.statusCode! : 500;
    const code = error instanceof ApiError ? error.code : undefined;
    if (status >= 500) app.log.error(error);
    return reply.code(status).send({
      schemas: [SCIM.error],
      status: String(status),
      ...(code && scimTypes.has(code) ? { scimType: code } : {}),
      detail: status >= 500 ? 'the server could not do this; try again' : error.message,
    });
  });

  app.get(
    '/scim/v2/ServiceProviderConfig',
    {
      config: { public: true },
      schema: { hide: true, response: { 200: scimServiceConfig, ...scimErrors } },
    },
    async () => ({
      schemas: [SCIM.config],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'Bearer',
          description: 'the directory secret of ricochet admin scim',
        },
      ],
    }),
  );
  const scim: ScimKit = {
    ...kit,
    orgOf: (request) => orgs.get(request)!,
    base: (request) => `${request.protocol}://${request.host}`,
  };
  scimUserRoutes(scim);
  scimGroupRoutes(scim);
}
