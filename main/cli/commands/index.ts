import type { CliCommand } from '../command';
import { adminCommand } from './admin-command';
import { availabilityCommand } from './availability-command';
import { serverCommand } from './server-command';
import { settingsCommand } from './settings-command';
import { calendarsCommand, digestCommand, publishCommand } from './calendar-commands';
import { boardCommand, loginCommand, postCommand, statusCommand, syncCommand } from './team-commands';
import { versionCommand } from './version-command';
import { webCommand } from './web-command';

/** Every command of the CLI, in the order `ricochet --help` lists them. */
export const commands: CliCommand[] = [
  serverCommand,
  adminCommand,
  availabilityCommand,
  loginCommand,
  postCommand,
  statusCommand,
  boardCommand,
  syncCommand,
  calendarsCommand,
  settingsCommand,
  publishCommand,
  digestCommand,
  webCommand,
  versionCommand,
];
