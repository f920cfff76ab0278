import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type electronLog from 'electron-log/node';
import { redactLogText } from './redact-log';

export type LogLevel = 'info' | 'warn' | 'error';

export interface AppLog {
  /** The folder "Open logs folder" opens: `logs/` in the profile, for the app, browser mode and CLI. */
  readonly folder: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const MAX_BYTES = 1024 * 1024;

export const logFolder = (profileDir: string) => join(profileDir, 'logs');
const logFile = (profileDir: string) => join(logFolder(profileDir), 'ricochet.log');

/**
 * The app's log file (electron-log: rotation at 1 MB to ricochet.old.log, one line per entry,
 * the same writer in Electron and Node). Every line passes through redactLogText with the
 * secrets of the moment before it reaches the file or the console.
 */
export function openAppLog(profileDir: string, known: () => string[] = () => [], echo = false): AppLog {
  // electron-log, and the http, tls and child_process it requires, load with the first line
  // written: a day at rest that logs nothing never holds them (docs/benchmarks.md, "at rest").
  let logger: ReturnType<typeof electronLog.create> | undefined;
  const log = () => (logger ??= createLogger(profileDir, known, echo));
  return {
    folder: logFolder(profileDir),
    info: (message) => log().info(message),
    warn: (message) => log().warn(message),
    error: (message) => log().error(message),
  };
}

function createLogger(profileDir: string, known: () => string[], echo: boolean) {
  const { create } = createRequire(import.meta.url)('electron-log/node') as typeof electronLog;
  const logger = create({ logId: `ricochet:${profileDir}` });
  logger.transports.file.resolvePathFn = () => logFile(profileDir);
  logger.transports.file.maxSize = MAX_BYTES;
  logger.transports.file.format = '{iso} [{level}] {text}';
  logger.transports.console.level = echo ? 'warn' : false;
  logger.hooks.push((message) => {
    const secrets = known();
    message.data = message.data.map((part) => redactLogText(String(part), secrets));
    return message;
  });
  return logger;
}

/** The last warnings and errors written, newest last, for diagnostics (any process's). */
export function recentProblems(profileDir: string, count = 20): string[] {
  const file = logFile(profileDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => / \[(warn|error)\] /.test(line))
    .slice(-count);
}
