import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { formatMoment } from '../../../shared/i18n/status-messages';
import { translate } from '../../../shared/i18n/translate';
import { terminalText } from '../terminal-text';
import { serverAddress, systemBrowser } from '../../core/index';
import { profileFlag, teamFlag, teamViewFlags, withCore } from './with-core';

export const loginCommand: CliCommand = {
  usage: `Usage: ricochet login --server <url> --invite <code> --name <name> --email <email> [--device-name <name>] [--profile <dir>] [--json]
       ricochet login --server <url> --sso [--org <id>] [--device-name <name>] [--profile <dir>] [--json]
       ricochet login --server <url> --device-code <code> [--device-name <name>] [--profile <dir>] [--json]
       ricochet login --server <url> (--token <token> | --token-env <VAR>) [--profile <dir>] [--json]
Already a member on another computer? There: ricochet device add (or Settings → Devices → Add a device),
then here: --device-code. Prefer --token-env on shared machines: a token on the command line shows in
the process list.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...profileFlag,
      server: { type: 'string' },
      invite: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      token: { type: 'string' },
      'token-env': { type: 'string' },
      'device-code': { type: 'string' },
      sso: { type: 'boolean' },
      org: { type: 'string' },
      'device-name': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.server) throw new UsageError('--server is required');
    // Typed without a scheme: said, not refused ("Invalid URL").
    const address = serverAddress(values.server);
    if (address.added) io.err(`(no scheme in "${values.server}": using ${address.url})\n`);
    const tokenVar = values['token-env'];
    if (tokenVar || values.token) {
      const token = tokenVar ? io.env[tokenVar] : values.token;
      if (!token) throw new UsageError(`--token-env: $${tokenVar} is not set`);
      return withCore(values, io, async (core) => {
        const who = await core.commands.loginWithToken({ server: values.server!, token });
        if (values.json) printJson(io, { member: { id: who.id, name: who.name }, team: who.team });
        else io.out(`Logged in to ${terminalText(who.team.name)} as ${terminalText(who.name)}.\n`);
        return 0;
      });
    }
    const device = values['device-name'];
    if (values.sso)
      return withCore(values, io, async (core) => {
        io.err('Opening your company sign-in in the browser…\n');
        const signed = await core.commands.loginWithSso({
          server: values.server!,
          ...(values.org ? { org: values.org } : {}),
          ...(device ? { device } : {}),
          open: systemBrowser(io.env),
        });
        if (values.json)
          printJson(io, { member: signed.member, team: signed.team, expiresAt: signed.expiresAt });
        else
          io.out(
            `Signed in to ${terminalText(signed.team.name)} as ${terminalText(signed.member.name)} <${terminalText(signed.member.email)}> with your company account.\n`,
          );
        return 0;
      });
    if (values['device-code'])
      return withCore(values, io, async (core) => {
        const signed = await core.commands.loginWithDeviceCode({
          server: values.server!,
          code: values['device-code']!,
          ...(device ? { device } : {}),
        });
        if (values.json) printJson(io, { member: signed.member, team: signed.team });
        else
          io.out(
            `Signed in to ${terminalText(signed.team.name)} as ${terminalText(signed.member.name)}; zone ${core.reads.config.tz}, hours ${terminalText(core.reads.config.hours)} (change them with ricochet settings).\n`,
          );
        return 0;
      });
    for (const flag of ['invite', 'name', 'email'] as const)
      if (!values[flag]) throw new UsageError(`--${flag} is required (or --device-code, or --token)`);
    return withCore(values, io, async (core) => {
      const joined = await core.commands.join({
        server: values.server!,
        invite: values.invite!,
        name: values.name!,
        email: values.email!,
        ...(device ? { device } : {}),
      });
      if (values.json) printJson(io, { member: joined.member, team: joined.team });
      else io.out(`Joined ${terminalText(joined.team.name)} as ${terminalText(joined.member.name)}.\n`);
      return 0;
    });
  },
};

export const postCommand: CliCommand = {
  usage: 'Usage: ricochet post "<text or /command>" [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } }, true);
    if (positionals.length === 0) throw new UsageError('give the text to post');
    return withCore(values, io, async (core) => {
      const result = await core.commands.post(positionals.join(' '));
      if (values.json) printJson(io, result);
      else if (result.delivered === 'rejected') io.err(`ricochet post: ${result.detail}\n`);
      else if (result.ask) io.out(`${terminalText(result.ask.message)}\n`);
      else {
        // A decision says first what it may collide with, for the people it names.
        for (const h of result.headsUps ?? []) io.out(`heads-up: ${terminalText(h.message)}\n`);
        const key =
          result.delivered === 'queued'
            ? 'cli.queued'
            : result.delivered === 'local'
              ? 'cli.saved'
              : 'cli.posted';
        io.out(`${translate(core.reads.locale, key)}\n`);
      }
      return result.delivered === 'rejected' ? (result.parsed.kind === 'error' ? 2 : 1) : 0;
    });
  },
};

export const syncCommand: CliCommand = {
  usage: 'Usage: ricochet sync [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } });
    return withCore(values, io, async (core) => {
      const result = await core.commands.sync();
      const queued = core.reads.freshness().queued;
      if (values.json) printJson(io, { ...result, queued });
      else if ('error' in result && result.error)
        io.err(`ricochet sync: ${result.error}; ${queued} queued\n`);
      else if ('sent' in result)
        io.out(`sent ${result.sent}, received ${result.pulled} changes, ${result.remaining} still queued\n`);
      return 'sent' in result && !result.error ? 0 : 1;
    });
  },
};

export const boardCommand: CliCommand = {
  usage: `Usage: ricochet board [--team <name>] [--offline] [--profile <dir>] [--json]
Everyone in my teams once, or one of them (--team); the whole organisation when I am in none.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, teamViewFlags);
    return withCore(values, io, async (core) => {
      const refreshed = values.offline ? undefined : await core.commands.sync();
      const asOf = core.reads.freshness().asOf;
      const teams = core.reads.teams();
      const team = teamFlag(core, values.team, io, 'board');
      if (team === null) return 2;
      const board = core.reads.board(Date.now(), team?.id ?? null);
      if (values.json) {
        printJson(io, {
          asOf: asOf ?? null,
          online: !!refreshed && !('error' in refreshed),
          removed: core.reads.freshness().removed,
          signInAgain: core.reads.freshness().signInAgain,
          teams: teams.map((t) => ({ id: t.id, name: t.name, size: t.members.length })),
          team: team ? { id: team.id, name: team.name } : null,
          members: board,
        });
        return 0;
      }
      const locale = core.reads.locale;
      const fresh = core.reads.freshness();
      const offline = fresh.signInAgain
        ? ` · ${translate(locale, 'fresh.signInAgain')}`
        : fresh.removed
          ? ` · ${translate(locale, 'fresh.removed')}`
          : !refreshed || 'error' in refreshed
            ? ` · ${translate(locale, 'fresh.offline')}`
            : '';
      io.out(
        `${asOf ? translate(locale, 'fresh.asOf', { time: formatMoment(Date.parse(asOf), Date.now(), locale, core.reads.config.tz) }) : translate(locale, 'fresh.never')}${offline}\n`,
      );
      for (const m of board) {
        // The computed status: an expired one has no text left to show.
        const status = [m.computed.emoji, m.computed.text].filter(Boolean).join(' ');
        io.out(
          terminalText(
            `${m.name.padEnd(20)} ${m.label}${status ? ` — ${status}` : ''}${m.latestPost ? `  «${m.latestPost.text}»` : ''}`,
          ) + '\n',
        );
      }
      return 0;
    });
  },
};

export const statusCommand: CliCommand = {
  usage: 'Usage: ricochet status [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } });
    return withCore(values, io, async (core) => {
      await core.commands.sync();
      const me = core.reads.me && core.reads.board().find((m) => m.id === core.reads.me!.id);
      if (!me) throw new Error('not in a team yet: run ricochet login (ricochet availability works alone)');
      if (values.json) printJson(io, { label: me.label, state: me.computed, status: me.status });
      else
        io.out(
          `${terminalText(`${me.label}${me.computed.text ? ` — ${[me.computed.emoji, me.computed.text].filter(Boolean).join(' ')}` : ''}`)}\n`,
        );
      return 0;
    });
  },
};
