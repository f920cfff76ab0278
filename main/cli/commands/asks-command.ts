import { askViews } from '../../core/index';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { terminalText } from '../terminal-text';
import { profileFlag, withCore } from './with-core';

/** `ricochet asks`: my inbox of asks and the ones I made; answer, snooze or dismiss one. */
export const asksCommand: CliCommand = {
  usage: `Usage: ricochet asks [--json] [--profile <dir>]
       ricochet asks answer <id> "<text>" | snooze <id> --minutes <n> | dismiss <id>
Asks reach a teammate when they are next free: ricochet post "/ask @ana Can you review the Q3 plan?"`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { ...profileFlag, json: { type: 'boolean' }, minutes: { type: 'string' } },
      true,
    );
    const [action, id, ...text] = positionals;
    return withCore(values, io, async (core) => {
      await core.commands.sync();
      if (action) {
        if (!id) throw new UsageError(`${action} needs the ask's id (see ricochet asks)`);
        const ask = core.reads.asks().find((a) => a.id === id || a.id.startsWith(id));
        if (!ask) throw new UsageError(`no ask ${id} in your inbox`);
        const minutes = Number(values.minutes);
        const update =
          action === 'answer'
            ? { action: 'answer' as const, text: text.join(' ') }
            : action === 'snooze'
              ? {
                  action: 'snooze' as const,
                  until: new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
                }
              : action === 'dismiss'
                ? { action: 'dismiss' as const }
                : undefined;
        if (!update) throw new UsageError(`unknown action "${action}" (answer, snooze, dismiss)`);
        if (update.action === 'answer' && !update.text) throw new UsageError('answer needs its text');
        if (update.action === 'snooze' && !(minutes > 0)) throw new UsageError('snooze needs --minutes <n>');
        const result = await core.commands.updateAsk(ask.id, update);
        io.out(
          `${result.delivered === 'sent' ? 'done' : `${result.delivered}${result.detail ? `: ${result.detail}` : ''}`}\n`,
        );
        return result.delivered === 'rejected' ? 1 : 0;
      }
      const views = askViews(core, Date.now());
      if (values.json) return (printJson(io, views), 0);
      io.out(`To me (${views.toMe.length}):\n`);
      for (const a of views.toMe)
        io.out(
          `  ${a.id.slice(0, 8)}  ${terminalText(`${a.from.name}: ${a.text}`)}  [${a.state}]${a.answer ? ` → ${terminalText(a.answer)}` : ''}\n`,
        );
      io.out(`From me (${views.fromMe.length}):\n`);
      for (const a of views.fromMe) {
        const where = a.state === 'pending' ? terminalText(a.arrival) : a.state;
        io.out(
          `  ${a.id.slice(0, 8)}  ${terminalText(`to ${a.to.name}: ${a.text}`)}  [${where}]${a.answer ? ` → ${terminalText(a.answer)}` : ''}\n`,
        );
      }
      return 0;
    });
  },
};
