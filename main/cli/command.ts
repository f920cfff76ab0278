import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command prints to; tests pass their own to read the output. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** What a command module exports; its name and summary live in the registry (commands/index.ts). */
export interface CliCommand {
  usage: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A flag the action cannot do without: its value, or a usage error naming it. */
export function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parser in strict mode, with its errors turned into UsageErrors. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
