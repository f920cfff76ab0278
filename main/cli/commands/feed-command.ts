import { formatMoment } from '../../../shared/i18n/status-messages';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { terminalText } from '../terminal-text';
import { teamFlag, teamViewFlags, withCore } from './with-core';

/** `ricochet feed`: my teams' posts and those naming me, newest first; one team with --team. */
export const feedCommand: CliCommand = {
  usage: `Usage: ricochet feed [--team <name>] [--limit <n>] [--offline] [--profile <dir>] [--json]
My teams' posts and the posts that name me, newest first (--limit, 20 by default, at most 200).`,
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...teamViewFlags, limit: { type: 'string' } });
    const limit = Number(values.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new UsageError('--limit is a whole number from 1 to 200');
    return withCore(values, io, async (core) => {
      if (!values.offline) await core.commands.sync();
      const team = teamFlag(core, values.team, io, 'feed');
      if (team === null) return 2;
      const posts = core.reads.feed({ limit, ...(team ? { team: team.id } : {}) });
      const author = (id: string) =>
        core.reads.memberName(id) ?? (id === core.reads.me?.id ? core.reads.me.name : '—');
      if (values.json) {
        printJson(io, {
          team: team ? { id: team.id, name: team.name } : null,
          posts: posts.map((p) => ({ ...p, author: author(p.memberId) })),
        });
        return 0;
      }
      const now = Date.now();
      for (const p of posts)
        io.out(
          terminalText(
            `${formatMoment(Date.parse(p.createdAt), now, core.reads.locale, core.reads.config.tz)}  ${author(p.memberId)}: ${p.text}`,
          ) + '\n',
        );
      return 0;
    });
  },
};
