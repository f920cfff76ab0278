import { formatMoment } from '../../../shared/i18n/status-messages';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { terminalText } from '../terminal-text';
import { profileFlag, withCore } from './with-core';

/** `ricochet device add|list|remove`: my devices, from any of them. */
export const deviceCommand: CliCommand = {
  usage: `Usage: ricochet device add [--profile <dir>] [--json]
       ricochet device list [--profile <dir>] [--json]
       ricochet device remove <id> [--profile <dir>] [--json]
"add" shows a one-time code for another computer: there, ricochet login --server <url> --device-code <code>
(or the app's "Sign in with a code"). It works once, for a few minutes.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } }, true);
    const [action, id] = positionals;
    if (action !== 'add' && action !== 'list' && action !== 'remove')
      throw new UsageError('say what to do: add, list or remove <id>');
    if (action === 'remove' && !id)
      throw new UsageError('give the id of the device to remove (ricochet device list)');
    return withCore(values, io, async (core) => {
      const server = core.reads.identity?.server;
      if (action === 'add') {
        const made = await core.commands.addDevice();
        if (values.json) printJson(io, { ...made, server });
        else
          io.out(
            `Code: ${made.code} (works once, until ${formatMoment(Date.parse(made.expiresAt), Date.now(), core.reads.locale, core.reads.config.tz)})\n` +
              `On the other computer: ricochet login --server ${server} --device-code ${made.code}\n`,
          );
        return 0;
      }
      if (action === 'remove') {
        await core.commands.removeDevice(id!);
        if (values.json) printJson(io, { removed: id });
        else io.out(`Signed out: that device can no longer see or send anything.\n`);
        return 0;
      }
      const devices = await core.reads.devices();
      if (values.json) printJson(io, { devices });
      else
        for (const d of devices)
          io.out(
            terminalText(
              `${d.id}  ${(d.name ?? '(unnamed device)').padEnd(28)} since ${d.createdAt.slice(0, 10)}${d.lastSeenAt ? `, last seen ${formatMoment(Date.parse(d.lastSeenAt), Date.now(), core.reads.locale, core.reads.config.tz)}` : ''}${d.current ? '  ← this one' : ''}`,
            ) + '\n',
          );
      return 0;
    });
  },
};
