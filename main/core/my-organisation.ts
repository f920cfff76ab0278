import { readFeed, readGroups, readStars, type BoardMember } from '../cache/cache-queries';
import type { LocalCache } from '../cache/local-cache';
import { shownOnBoard, teamsOf, type TeamOfMine } from '../../shared/people/my-teams';
import type { PersonMatch } from '../../shared/views';
import { searchPeople } from './people-search';
import { findPeople } from '../../shared/people/find-person';

type FeedOptions = NonNullable<Parameters<typeof readFeed>[1]>;

/**
 * My place in the organisation, as the cache knows it: my teams, whom I star, who the board
 * shows and "who knows about…" over everyone. Read-only; starring is a command of the core.
 */
export class MyOrganisation {
  constructor(
    private readonly cache: LocalCache,
    private readonly me: () => string | undefined,
    private readonly everyone: () => BoardMember[],
  ) {}

  /** The organisation's teams I am in, by name. */
  teams(): TeamOfMine[] {
    return teamsOf(readGroups(this.cache), this.me());
  }

  /** The people I star from anywhere in the organisation. */
  stars(): string[] {
    return readStars(this.cache);
  }

  /**
   * Who the board shows: everyone in my teams once and my stars (the whole organisation when I
   * am in no team), or one team of mine.
   */
  shown(team: string | null = null): BoardMember[] {
    return shownOnBoard(this.everyone(), this.teams(), this.me(), team, this.stars());
  }

  /**
   * Whom an @ being typed may name: anyone in the organisation but me (a post reaches the people
   * it names wherever they work), the people on my board first.
   */
  mentionable(typed: string, limit = 6): BoardMember[] {
    const shown = new Set(this.shown().map((m) => m.id));
    const found = findPeople(typed, this.everyone()).filter((m) => m.id !== this.me());
    return [...found.filter((m) => shown.has(m.id)), ...found.filter((m) => !shown.has(m.id))].slice(
      0,
      limit,
    );
  }

  /** Posts newest first; `team`: by the people of that team of mine (one I left: everyone's). */
  feed({ team, ...options }: Omit<FeedOptions, 'memberIds'> & { team?: string } = {}) {
    const chosen = team ? this.teams().find((t) => t.id === team) : undefined;
    return readFeed(this.cache, { ...options, ...(chosen ? { memberIds: chosen.members } : {}) });
  }

  /** "Who knows about…" across the whole organisation (not only my board), best first. */
  search(query: string): PersonMatch[] {
    const groups = readGroups(this.cache);
    return searchPeople({ everyone: this.everyone(), groups, stars: this.stars(), me: this.me(), query });
  }
}
