import { commands, type CommandEntry } from './commands/index';
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

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 bad usage.
 * `beforeRun` runs once a command is about to run (not for help): what only commands need.
 */
export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  beforeRun: (entry: CommandEntry) => Promise<void> = async () => {},
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText());
    return 0;
  }
  if (first === undefined) {
    // Nothing asked: the list goes where errors go, and the exit says it was not a command.
    io.err(helpText());
    return 2;
  }
  const name = first === '--version' || first === '-V' ? 'version' : first;
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`ricochet: unknown command "${name}". Run \`ricochet --help\` for the list.\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    await beforeRun(entry);
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
