/** What "who knows about…" reads of a person: their role, skills, recent tags and name. */
export interface Knowledge {
  name: string;
  jobTitle: string | null;
  skills: readonly string[];
  topics: readonly string[];
}

/**
 * How well a person matches "who knows about…": role 3, a skill 2, a recent tag 1, the name 1;
 * 0 is no match. The board's search and the organisation-wide search rank by this one answer.
 */
export function relevance(m: Knowledge, query: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const has = (text: string) => text.toLowerCase().includes(q);
  return (
    (has(m.jobTitle ?? '') ? 3 : 0) +
    (m.skills.some(has) ? 2 : 0) +
    (m.topics.some(has) ? 1 : 0) +
    (has(m.name) ? 1 : 0)
  );
}
