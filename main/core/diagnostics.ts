import { arch, release } from 'node:os';
import type { IpcResponse } from '../../shared/ipc-contract';
import { recentProblems } from '../profile/app-log';
import type { DesktopCore } from './desktop-core';

/** A setting's value without JSON's quotes, which the redaction would take for a title. */
const plain = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(plain).join(', ')}]`
    : typeof value === 'object' && value
      ? JSON.stringify(value)
      : String(value);

/**
 * What a person pastes to IT when something is wrong: the version and system, the settings,
 * the sync state, each calendar's last read, and the last problems in the log. Secrets, the
 * paths of addresses, e-mail addresses and quoted text are taken out the way the log does it.
 */
export function diagnosticsText(
  core: DesktopCore,
  /** As app:info says it; the CLI says `cli`. */
  info: Omit<IpcResponse<'app:info'>, 'mode'> & { mode: string },
  now = Date.now(),
): string {
  const fresh = core.reads.freshness();
  const pending = core.reads.pending();
  const calendars = Object.entries(core.reads.calendarState() ?? {}).map(
    ([source, state]) => `  ${source}: ${JSON.stringify(state)}`,
  );
  const { calendars: configured, ...settings } = core.reads.config;
  const lines = [
    `Ricochet ${info.version} (${info.mode}${info.packaged ? ', packaged' : ''})`,
    `System: ${info.platform} ${release()} ${arch()}, Node ${process.versions.node}${
      process.versions['electron'] ? `, Electron ${process.versions['electron']}` : ''
    }`,
    `At: ${new Date(now).toISOString()}, zone ${core.reads.config.tz}, language ${core.reads.locale}`,
    `Team: ${core.reads.identity ? `${core.reads.identity.server} as ${core.reads.identity.member.id}` : 'none (alone)'}`,
    `Sync: ${fresh.online ? 'live' : 'not live'}, last heard ${fresh.asOf ?? 'never'}, ${fresh.queued} waiting, ${
      pending.rejected.length
    } refused${fresh.removed ? ', removed from the team' : ''}${fresh.signInAgain ? ', must sign in again' : ''}`,
    `Calendars (${configured.length}): ${configured.map((c) => `${c.kind} ${c.location}`).join('; ') || 'none'}`,
    ...calendars,
    `Settings: ${Object.entries(settings)
      .map(([key, value]) => `${key}=${plain(value)}`)
      .join(', ')}`,
    `Logs: ${core.log.folder}`,
    'Last problems:',
    ...recentProblems(core.dir).map((line) => `  ${line}`),
  ];
  return core.reads.redact(lines.join('\n'));
}
