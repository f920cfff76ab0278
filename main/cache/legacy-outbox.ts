import { z } from 'zod';
import { teamCommand, type TeamCommand } from '../../shared/protocol/team-commands';

/** A row of the outbox as profiles before the typed one kept it. */
export interface LegacyOutboxRow {
  id: string;
  kind: string;
  method: string;
  path: string;
  body: string | null;
  created_at: string;
  attempts: number;
}

const legacyBody = z.looseObject({ id: z.string().optional(), text: z.string().optional() });

/**
 * Profiles made before the outbox held typed commands kept raw requests. This reads them
 * once, during the cache migration, so nothing queued then is lost.
 */
export function legacyOutboxCommand(row: {
  kind: string;
  path: string;
  body: string | null;
}): TeamCommand | undefined {
  const json: unknown = row.body ? JSON.parse(row.body) : null;
  const body = legacyBody.safeParse(json).data;
  const tail = decodeURIComponent(row.path.split('/').pop() ?? '');
  switch (row.kind) {
    case 'post':
      return { kind: 'post', id: String(body?.id), text: String(body?.text) };
    case 'edit-post':
      return { kind: 'edit-post', postId: tail, text: String(body?.text) };
    case 'delete-post':
      return { kind: 'delete-post', postId: tail };
    // What no longer parses is dropped: the next publish sends the current one anyway.
    case 'status':
    case 'availability':
    case 'profile':
      return teamCommand.safeParse({ kind: row.kind, [row.kind]: json }).data;
    default:
      return undefined;
  }
}
