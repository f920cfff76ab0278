import { packageVersion } from '../../project-root';
import { parseFlags, printJson, type CliCommand } from '../command';

export const versionCommand: CliCommand = {
  usage: 'Usage: ricochet version [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { json: { type: 'boolean' } });
    const version = packageVersion();
    if (values.json) printJson(io, { version, node: process.version });
    else io.out(`ricochet ${version}\n`);
    return 0;
  },
};
