import { extractMentions } from '../../shared/quick-post/parse-quick-post';
import type { Change } from '../../shared/protocol/schemas';

/** The handles that mean me: "@Ana", "@ana.lopez", "@AnaLopez" for "Ana Lopez". */
export function myHandles(name: string): Set<string> {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  return new Set(
    [words[0] ?? '', words.join('.'), words.join(''), words.join('_'), words.join('-')].filter(Boolean),
  );
}

/** New posts by others that mention me, for a notification. */
export function mentionsOfMe(changes: readonly Change[], me: { id: string; name: string } | undefined) {
  if (!me) return [];
  const handles = myHandles(me.name);
  return changes
    .filter((c) => c.kind === 'post' && c.memberId !== me.id)
    .map((c) => c.data as { id: string; text: string; memberId: string })
    .filter((post) => extractMentions(post.text).some((m) => handles.has(m.toLowerCase())));
}
