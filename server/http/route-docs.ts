import type { z } from 'zod';
import { errorBody } from '../../shared/protocol/responses';

export const errors = {
  400: errorBody.describe('invalid request: the field and the reason'),
  401: errorBody.describe('no token, or not a valid one'),
  403: errorBody.describe('not allowed'),
  404: errorBody.describe('not found in your team'),
  409: errorBody.describe('conflict'),
  429: errorBody.describe('rate limited, see Retry-After'),
};

/** A success with its schema (the server serialises through it), with the usual refusals. */
export const answers = (schema: z.ZodType, description: string) => ({
  200: schema.describe(description),
  ...errors,
});

/** A creation: 201, or 200 when the same client id comes again. */
export const created = (schema: z.ZodType, description: string) => ({
  200: schema.describe(`${description} (the same id again)`),
  201: schema.describe(description),
  ...errors,
});

/** A route anyone may call (no token). */
export const publicRoute = (description: string, response: Record<number, z.ZodType>) => ({
  description,
  security: [],
  response,
});
