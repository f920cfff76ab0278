import type { CliCommand } from '../command';
import { availabilityCommand } from './availability-command';
import { versionCommand } from './version-command';

/** Every command of the CLI, in the order `ricochet --help` lists them. */
export const commands: CliCommand[] = [availabilityCommand, versionCommand];
