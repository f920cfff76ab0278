import { diagnosticsText } from '../../core/index';
import { packageVersion } from '../../project-root';
import { parseFlags, type CliCommand } from '../command';
import { profileFlag, withCore } from './with-core';

export const diagnosticsCommand: CliCommand = {
  usage: `Usage: ricochet diagnostics [--profile <dir>]
Prints the version, system, settings, sync state, calendars' last reads and the last problems
in the log, with secrets, the paths of addresses, e-mail addresses and quoted text left out.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag });
    const text = await withCore(values, io, async (core) =>
      diagnosticsText(core, {
        version: packageVersion(),
        platform: process.platform,
        mode: 'cli',
        packaged: false,
      }),
    );
    io.out(`${text}\n`);
    return 0;
  },
};
