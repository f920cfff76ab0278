import { commands } from './commands/index';
import { UsageError, type CliIo } from './command';

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: ricochet <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `ricochet <command> --help` for the options of one command. Most commands print JSON with --json.',
    '',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`ricochet: unknown command "${name}". Run \`ricochet --help\` for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ricochet ${name}: ${error.message}\n${command.usage}\n`);
      return 2;
    }
    io.err(`ricochet ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
