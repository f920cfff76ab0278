import { DesktopCore, defaultProfileDir } from '../../core/index';
import type { CliIo } from '../command';
import { findTeam, type TeamOfMine } from '../../../shared/people/my-teams';
import { environmentRegion, regionTag } from '../../../shared/i18n/locale';
import { terminalText } from '../terminal-text';

export const profileFlag = { profile: { type: 'string' } } as const;

/** Opens the profile's core for one command and always closes it. */
export async function withCore<T>(
  values: { profile?: string },
  io: CliIo,
  fn: (core: DesktopCore) => Promise<T>,
): Promise<T> {
  // A terminal's language and region are its environment's, as POSIX reads them.
  const env = io.env;
  const core = new DesktopCore(
    values.profile ?? defaultProfileDir(env),
    undefined,
    regionTag(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']),
    environmentRegion(env),
  );
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

/**
 * The team of mine a `--team <name>` names; undefined without the flag. A name that is none of
 * my teams is told with the teams I am in (null: the command stops there, exit 2).
 */
export function teamFlag(core: DesktopCore, text: string | undefined, io: CliIo, command: string) {
  if (text === undefined) return undefined;
  const teams = core.reads.teams();
  const team: TeamOfMine | undefined = findTeam(teams, text);
  if (team) return team;
  const names = teams.map((t) => terminalText(t.name)).join(', ') || 'none';
  io.err(`ricochet ${command}: you are in no team called "${terminalText(text)}" (your teams: ${names})\n`);
  return null;
}

/** The flags of a read of my teams (board, feed): which team, offline, as JSON. */
export const teamViewFlags = {
  ...profileFlag,
  json: { type: 'boolean' },
  offline: { type: 'boolean' },
  team: { type: 'string' },
} as const;
