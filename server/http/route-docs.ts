import { z } from 'zod';

/** What every refusal looks like: a code and a sentence. */
export const errorBody = z.object({ error: z.string(), message: z.string() });

export const errors = {
  400: errorBody.describe('invalid request: the field and the reason'),
  401: errorBody.describe('no token, or not a valid one'),
  403: errorBody.describe('not allowed'),
  404: errorBody.describe('not found in your team'),
  409: errorBody.describe('conflict'),
  429: errorBody.describe('rate limited, see Retry-After'),
};

const described = (description: string) => z.any().describe(description);

/** A success described in words (its shape is the store's), with the usual refusals. */
export const reply = (description: string) => ({ 200: described(description), ...errors });

/** A creation: 201, or 200 when the same client id comes again. */
export const created = (description: string) => ({
  200: described(description),
  201: described(description),
  ...errors,
});

/** A route anyone may call (no token). */
export const publicRoute = (description: string, response: Record<number, z.ZodType>) => ({
  description,
  security: [],
  response,
});
