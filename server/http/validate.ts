import type { z } from 'zod';
import { ApiError } from '../store/api-error';

/** Parses with a schema, or throws a 400 that names the first field at fault and why. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.message;
  throw new ApiError(400, 'invalid_request', `${where}${message}`);
}
