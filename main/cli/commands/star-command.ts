import { resolveMention } from '../../../shared/people/find-person';
import { translate } from '../../../shared/i18n/translate';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { terminalText } from '../terminal-text';
import { profileFlag, withCore } from './with-core';

/** `ricochet star <name>` / `ricochet unstar <name>`: watch someone from outside my teams. */
function starCommand(on: boolean): CliCommand {
  const verb = on ? 'star' : 'unstar';
  return {
    usage: `Usage: ricochet ${verb} <name> [--profile <dir>] [--json]`,
    async run(argv, io) {
      const { values, positionals } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } }, true);
      if (positionals.length === 0) throw new UsageError('name the person');
      return withCore(values, io, async (core) => {
        await core.commands.sync(); // the whole organisation's names, as of now
        const found = resolveMention(positionals.join(' ').replace(/^@/, ''), core.reads.members());
        if ('error' in found) {
          io.err(
            `ricochet ${verb}: ${terminalText(translate(core.reads.locale, found.error.key, found.error.params))}\n`,
          );
          return 2;
        }
        const result = await core.commands.star(found.id, on);
        const starred = core.reads.stars().includes(found.id);
        if (values.json)
          printJson(io, { member: { id: found.id, name: found.name }, starred, delivered: result.delivered });
        else if (result.delivered === 'rejected')
          io.err(`ricochet ${verb}: ${terminalText(result.detail ?? '')}\n`);
        else
          io.out(
            `${terminalText(found.name)} ${on ? 'starred: their status reaches you wherever they work' : 'unstarred'}${result.delivered === 'queued' ? ' (queued: offline)' : ''}.\n`,
          );
        return result.delivered === 'rejected' ? 1 : 0;
      });
    },
  };
}

export const starOn = starCommand(true);
export const starOff = starCommand(false);
