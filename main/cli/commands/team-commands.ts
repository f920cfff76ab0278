import { DesktopCore } from '../../core/desktop-core';
import { defaultProfileDir } from '../../profile/profile';
import { parseFlags, printJson, UsageError, type CliCommand, type CliIo } from '../command';

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

export const loginCommand: CliCommand = {
  name: 'login',
  summary: 'Join a team with an invite: stores the token in the profile.',
  usage:
    'Usage: ricochet login --server <url> --invite <code> --name <name> --email <email> [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...profileFlag,
      server: { type: 'string' },
      invite: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      json: { type: 'boolean' },
    });
    for (const flag of ['server', 'invite', 'name', 'email'] as const)
      if (!values[flag]) throw new UsageError(`--${flag} is required`);
    return withCore(values, io, async (core) => {
      const joined = await core.login({
        server: values.server!,
        invite: values.invite!,
        name: values.name!,
        email: values.email!,
      });
      if (values.json) printJson(io, { member: joined.member, team: joined.team });
      else io.out(`Joined ${joined.team.name} as ${joined.member.name}.\n`);
      return 0;
    });
  },
};

export const postCommand: CliCommand = {
  name: 'post',
  summary: 'Post what you are on, or set your status: "/focus 90m Q3 plan", "/away until 14:00", "/clear".',
  usage: 'Usage: ricochet post "<text or /command>" [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } }, true);
    if (positionals.length === 0) throw new UsageError('give the text to post');
    return withCore(values, io, async (core) => {
      const result = await core.post(positionals.join(' '));
      if (values.json) printJson(io, result);
      else if (result.delivered === 'rejected') io.err(`ricochet post: ${result.detail}\n`);
      else
        io.out(
          result.delivered === 'queued'
            ? 'queued (offline)\n'
            : result.delivered === 'local'
              ? 'saved (no team yet)\n'
              : 'posted\n',
        );
      return result.delivered === 'rejected' ? (result.parsed.kind === 'error' ? 2 : 1) : 0;
    });
  },
};

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Send what is queued and catch up with the team server.',
  usage: 'Usage: ricochet sync [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } });
    return withCore(values, io, async (core) => {
      const result = await core.refresh();
      if (values.json) printJson(io, { ...result, cursor: core.cache.cursor });
      else if ('error' in result && result.error)
        io.err(`ricochet sync: ${result.error}; ${core.cache.outbox().length} queued\n`);
      else if ('sent' in result)
        io.out(`sent ${result.sent}, received ${result.pulled} changes, ${result.remaining} still queued\n`);
      return 'sent' in result && !result.error ? 0 : 1;
    });
  },
};

export const boardCommand: CliCommand = {
  name: 'board',
  summary: 'The team at a glance, from the local cache (refreshed when online).',
  usage: 'Usage: ricochet board [--offline] [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...profileFlag,
      json: { type: 'boolean' },
      offline: { type: 'boolean' },
    });
    return withCore(values, io, async (core) => {
      const refreshed = values.offline ? undefined : await core.refresh();
      const asOf = core.cache.get('last_sync_at');
      const board = core.board();
      if (values.json) {
        printJson(io, { asOf: asOf ?? null, online: !!refreshed && !('error' in refreshed), members: board });
        return 0;
      }
      const offline = !refreshed || 'error' in refreshed ? ' · offline' : '';
      io.out(
        `${asOf ? `as of ${new Date(asOf).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: core.config.tz })}` : 'never synced'}${offline}\n`,
      );
      for (const m of board) {
        const status = [m.status?.emoji, m.status?.text].filter(Boolean).join(' ');
        io.out(
          `${m.name.padEnd(20)} ${m.label}${status ? ` — ${status}` : ''}${m.latestPost ? `  «${m.latestPost.text}»` : ''}\n`,
        );
      }
      return 0;
    });
  },
};

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'My state right now, as teammates see it.',
  usage: 'Usage: ricochet status [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } });
    return withCore(values, io, async (core) => {
      await core.refresh();
      const me = core.me && core.board().find((m) => m.id === core.me!.id);
      if (!me) throw new Error('not in a team yet: run ricochet login (ricochet availability works alone)');
      if (values.json) printJson(io, { label: me.label, state: me.computed, status: me.status });
      else
        io.out(
          `${me.label}${me.status?.text ? ` — ${[me.status.emoji, me.status.text].filter(Boolean).join(' ')}` : ''}\n`,
        );
      return 0;
    });
  },
};
