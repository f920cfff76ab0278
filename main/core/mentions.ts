import { foldName } from '../../shared/people/find-person';
import { extractMentions } from '../../shared/quick-post/parse-quick-post';
import type { Change } from '../../shared/protocol/changes';

/** The handles that mean me, folded: "@Chloé", "@chloe", "@chloe.petit", "@ChloePetit" for "Chloé Petit". */
export function myHandles(name: string): Set<string> {
  const words = name.split(/\s+/).filter(Boolean);
  return new Set([foldName(words[0] ?? ''), foldName(name)].filter(Boolean));
}

/** New posts by others that mention me, for a notification. */
export function mentionsOfMe(changes: readonly Change[], me: { id: string; name: string } | undefined) {
  if (!me) return [];
  const handles = myHandles(me.name);
  return changes
    .flatMap((c) => (c.kind === 'post' && c.memberId !== me.id ? [c.data] : []))
    .filter((post) => extractMentions(post.text).some((m) => handles.has(foldName(m))));
}
