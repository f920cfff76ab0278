import { DesktopCore, defaultProfileDir } from '../../core/index';
import type { CliIo } from '../command';

export const profileFlag = { profile: { type: 'string' } } as const;

/** Opens the profile's core for one command and always closes it. */
export async function withCore<T>(
  values: { profile?: string },
  io: CliIo,
  fn: (core: DesktopCore) => Promise<T>,
): Promise<T> {
  const core = new DesktopCore(values.profile ?? defaultProfileDir(io.env));
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}
