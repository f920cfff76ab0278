import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context';
import { askRoutes } from './ask-routes';
import { calendarAppRoutes } from './calendar-app-routes';
import { deviceRoutes } from './device-routes';
import { scimRoutes } from '../scim/scim-routes';
import { ssoRoutes } from './sso-routes';
import { meRoutes } from './me-routes';
import { postRoutes } from './post-routes';
import { publicRoutes } from './public-routes';
import { kitOf } from './route-kit';
import { teamRoutes } from './team-routes';

/**
 * Every route with its schemas, one plugin per resource: Fastify validates each request with
 * them (zod, 400 with the field and the reason), serialises each answer through them, and
 * /v1/openapi.json is generated from the same schemas, so none can drift from the others.
 */
export async function registerRoutes(server: FastifyInstance, context: ServerContext) {
  for (const resource of [
    publicRoutes,
    meRoutes,
    deviceRoutes,
    askRoutes,
    postRoutes,
    teamRoutes,
    calendarAppRoutes,
    scimRoutes,
    ssoRoutes,
  ])
    await server.register(async (scope) => resource(kitOf(scope, context)));
}
