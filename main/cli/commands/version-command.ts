import { createRequire } from 'node:module';
import { parseFlags, printJson, type CliCommand } from '../command';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };

export const versionCommand: CliCommand = {
  name: 'version',
  summary: 'Print the version of Ricochet.',
  usage: 'Usage: ricochet version [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { json: { type: 'boolean' } });
    if (values.json) printJson(io, { version: pkg.version, node: process.version });
    else io.out(`ricochet ${pkg.version}\n`);
    return 0;
  },
};
