import type { TeamCommand } from '../sync/team-commands';

/**
 * Profiles made before the outbox held typed commands kept raw requests. This reads them
 * once, during the cache migration, so nothing queued then is lost.
 */
export function legacyOutboxCommand(row: {
  kind: string;
  path: string;
  body: string | null;
}): TeamCommand | undefined {
  const body = row.body ? (JSON.parse(row.body) as Record<string, unknown>) : null;
  const tail = decodeURIComponent(row.path.split('/').pop() ?? '');
  switch (row.kind) {
    case 'post':
      return { kind: 'post', id: String(body?.['id']), text: String(body?.['text']) };
    case 'edit-post':
      return { kind: 'edit-post', postId: tail, text: String(body?.['text']) };
    case 'delete-post':
      return { kind: 'delete-post', postId: tail };
    case 'status':
      return { kind: 'status', status: body as never };
    case 'availability':
      return { kind: 'availability', availability: body as never };
    case 'profile':
      return { kind: 'profile', profile: body as never };
    default:
      return undefined;
  }
}
