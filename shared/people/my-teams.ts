/**
 * Teams inside the organisation, as the desktop shows them: one person may be in several, the
 * board shows everyone in my teams once ("all my teams") or one team, and the tray counts the
 * same people. One function for each answer, used by the views, the tray and the CLI.
 */
export interface TeamOfMine {
  id: string;
  name: string;
  /** Member ids. */
  members: readonly string[];
}

/** My teams, by name; `me` is undefined before joining (then there are none). */
export function teamsOf(teams: readonly TeamOfMine[], me: string | undefined): TeamOfMine[] {
  return teams
    .filter((t) => me !== undefined && t.members.includes(me))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Who the board shows: the chosen team's people, or everyone in my teams and the people I star
 * (`team` null or a team I am no longer in), always with me. In no team at all (an organisation
 * that has none, or a newcomer not placed yet), the whole organisation, as before teams existed.
 */
export function shownOnBoard<T extends { id: string }>(
  members: readonly T[],
  mine: readonly TeamOfMine[],
  me: string | undefined,
  team: string | null = null,
  stars: readonly string[] = [],
): T[] {
  if (mine.length === 0) return [...members];
  const chosen = mine.find((t) => t.id === team);
  const ids = new Set(chosen ? chosen.members : [...mine.flatMap((t) => t.members), ...stars]);
  if (me) ids.add(me);
  return members.filter((m) => ids.has(m.id));
}

/** A team of mine by what a person types: its id or its name (case aside). */
export function findTeam(mine: readonly TeamOfMine[], text: string): TeamOfMine | undefined {
  const lower = text.trim().toLowerCase();
  return mine.find((t) => t.id === text || t.name.toLowerCase() === lower);
}
