import { z } from 'zod';
import { askUpdate, availabilityBody, profilePatch, statusBody } from './schemas';

/**
 * What the desktop asks of the team server, as typed commands: the outbox stores these, and
 * only the team API client turns them into paths and methods.
 */
export const teamCommand = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    id: z.string(),
    text: z.string(),
    decision: z.boolean().optional(),
    /** Member ids its @mentions name (older queued posts have none). */
    mentions: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal('ask'),
    id: z.string(),
    to: z.string(),
    text: z.string(),
    urgent: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('ask-update'), askId: z.string(), update: askUpdate }),
  z.object({
    kind: z.literal('edit-post'),
    postId: z.string(),
    text: z.string(),
    mentions: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal('delete-post'), postId: z.string() }),
  z.object({ kind: z.literal('status'), status: statusBody.nullable() }),
  z.object({ kind: z.literal('availability'), availability: availabilityBody }),
  z.object({ kind: z.literal('profile'), profile: profilePatch }),
  z.object({ kind: z.literal('star'), memberId: z.string(), on: z.boolean() }),
]);

export type TeamCommand = z.infer<typeof teamCommand>;
export type TeamCommandKind = TeamCommand['kind'];

/** Only the latest of these matters: a newer one replaces an older one still queued. */
export const replacedByNewer = (kind: TeamCommandKind) =>
  kind === 'status' || kind === 'availability' || kind === 'profile';
