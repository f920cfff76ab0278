import type { FastifyRequest } from 'fastify';
import type { RouteKit } from '../routes/route-kit';
import { scimError } from './scim-schemas';

/** The errors every SCIM route may answer, in SCIM's error shape. */
export const scimErrors = {
  400: scimError,
  401: scimError,
  403: scimError,
  404: scimError,
  409: scimError,
  429: scimError,
};

/** What the SCIM routes share: the organisation the caller's directory secret opened, and the base URL. */
export interface ScimKit extends RouteKit {
  orgOf: (request: FastifyRequest) => string;
  base: (request: FastifyRequest) => string;
}
