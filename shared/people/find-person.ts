import { rectifyConfusion } from 'unicode-confusables';
/** "Chloé Petit" → "chloepetit": what people type after @, without accents, case or spaces. */
/**
 * What a name looks like, for telling look-alikes apart: Unicode TR39's skeleton (invisible
 * default-ignorable characters dropped, each character mapped to its prototype in
 * confusables.txt by unicode-confusables, decomposed), then folded like a mention. "Ana",
 * Cyrillic "Аna" and "Ana" + a Hangul filler share one, so the board numbers them.
 */
export function nameSkeleton(name: string): string {
  const visible = name.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  return foldName(rectifyConfusion(visible).normalize('NFD'));
}

export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Teammates matching what was typed after @, best first: the whole name, then the first
 * name, then a start of the name or of a later word ("@chloe" finds Chloé, "@pet" Petit).
 */
export function findPeople<T extends { name: string }>(typed: string, people: readonly T[]): T[] {
  const q = foldName(typed);
  if (!q) return [...people];
  const score = (p: T) => {
    const full = foldName(p.name);
    const words = p.name.split(/\s+/).map(foldName);
    if (full === q) return 0;
    if (words[0] === q) return 1;
    if (full.startsWith(q)) return 2;
    if (words.some((w) => w.startsWith(q))) return 3;
    if (full.includes(q)) return 4;
    return 9;
  };
  return people
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s < 9)
    .sort((a, b) => a.s - b.s || a.p.name.localeCompare(b.p.name))
    .map((x) => x.p);
}

/** Why an @mention names nobody: a message of the string tables, with what fills it. */
export type MentionError =
  | { key: 'mention.nobody'; params: { typed: string } }
  | { key: 'mention.several'; params: { typed: string; first: string; second: string } };

/** The one teammate an @mention names, or why not (nobody, or several equally). */
export function resolveMention<T extends { name: string }>(
  typed: string,
  people: readonly T[],
): T | { error: MentionError } {
  const q = foldName(typed);
  const exact = people.filter((p) => foldName(p.name) === q || foldName(p.name.split(/\s+/)[0] ?? '') === q);
  if (exact.length === 1) return exact[0]!;
  const found = exact.length > 1 ? exact : findPeople(typed, people);
  if (found.length === 0) return { error: { key: 'mention.nobody', params: { typed } } };
  if (found.length > 1)
    return {
      error: { key: 'mention.several', params: { typed, first: found[0]!.name, second: found[1]!.name } },
    };
  return found[0]!;
}

/**
 * Names as people can tell them apart: two members whose names look the same (once accents,
 * case and spacing are set aside) get a number, in the order they joined the team.
 */
export function distinctNames(members: readonly { id: string; name: string; createdAt?: string }[]) {
  const groups = new Map<string, { id: string; createdAt?: string }[]>();
  for (const m of members) {
    const key = nameSkeleton(m.name);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const names = new Map<string, string>();
  for (const m of members) {
    const group = groups.get(nameSkeleton(m.name))!;
    if (group.length < 2) names.set(m.id, m.name);
    else {
      const order = [...group].sort(
        (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id),
      );
      names.set(m.id, `${m.name} (${order.findIndex((x) => x.id === m.id) + 1})`);
    }
  }
  return names;
}
