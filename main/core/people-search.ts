import type { BoardMember } from '../cache/cache-queries';
import type { GroupData } from '../../shared/protocol/changes';
import { distinctNames } from '../../shared/people/find-person';
import { shownOnBoard, teamsOf } from '../../shared/people/my-teams';
import { relevance } from '../../shared/people/who-knows';
import type { PersonMatch } from '../../shared/views';

/**
 * "Who knows about…" over the whole organisation: everyone but me, ranked by the board's own
 * relevance, with their teams and whether they are on my board already (to star them if not).
 */
export function searchPeople(input: {
  everyone: readonly BoardMember[];
  groups: readonly GroupData[];
  stars: readonly string[];
  me: string | undefined;
  query: string;
  limit?: number;
}): PersonMatch[] {
  const { everyone, groups, me, query } = input;
  const stars = new Set(input.stars);
  const onBoard = new Set(
    shownOnBoard(everyone, teamsOf(groups, me), me, null, input.stars).map((m) => m.id),
  );
  const names = distinctNames(everyone);
  return everyone
    .filter((m) => m.id !== me)
    .map((m) => {
      const known = {
        name: m.name,
        jobTitle: m.profile.role ?? null,
        skills: m.profile.skills ?? [],
        topics: m.topics ?? [],
      };
      return { m, known, score: relevance(known, query) };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.m.name.localeCompare(b.m.name))
    .slice(0, input.limit ?? 20)
    .map(({ m, known }) => ({
      id: m.id,
      name: names.get(m.id) ?? m.name,
      jobTitle: known.jobTitle,
      skills: [...known.skills],
      teams: groups.filter((g) => g.members.includes(m.id)).map((g) => g.name),
      starred: stars.has(m.id),
      onBoard: onBoard.has(m.id),
    }));
}
