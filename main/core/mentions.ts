import type { Change } from '../../shared/protocol/changes';

/**
 * Posts by others that name me, for a notification: by the ids the server stored with the post,
 * never by reading names in its text (two people called Ana are two ids).
 */
export function mentionsOfMe(changes: readonly Change[], me: { id: string } | undefined) {
  if (!me) return [];
  return changes.flatMap((c) =>
    c.kind === 'post' && c.memberId !== me.id && c.data.mentions?.includes(me.id) ? [c.data] : [],
  );
}
