import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { connectCalendar, connectFlags } from './connect-calendar';
import { profileFlag, withCore } from './with-core';

export const calendarsCommand: CliCommand = {
  usage: `Usage: ricochet calendars add <file|url> [--name <n>] [--ignore-all-day] [--share-titles] [--user <u> --password-env <VAR>] [--anyway]
       ricochet calendars add --microsoft [--tenant <id|organizations>] [--client-id <id>] [--authority <url>] [--graph <url>] [--device-code]
       ricochet calendars add --google [--client-id <id>] [--client-secret-env <VAR>] [--auth-url <url>] [--token-url <url>] [--api <url>] [--device-code]
       ricochet calendars list
       ricochet calendars remove <id|file|url>
  [--profile <dir>] [--json]. A URL is an ICS feed (https, http, webcal); with --user it is CalDAV.
  --microsoft and --google sign in in your browser ($BROWSER if set) or with --device-code; the sign-in is kept
  in the keychain (the CLI: credentials.json, 0600), never in config.json.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        ...profileFlag,
        json: { type: 'boolean' },
        name: { type: 'string' },
        'ignore-all-day': { type: 'boolean' },
        'share-titles': { type: 'boolean' },
        anyway: { type: 'boolean' },
        user: { type: 'string' },
        'password-env': { type: 'string' },
        ...connectFlags,
      },
      true,
    );
    const [action, target] = positionals;
    if (action === 'add' && (values.microsoft || values.google)) {
      if (values.microsoft && values.google) throw new UsageError('--microsoft or --google, not both');
      if (target)
        throw new UsageError(`--${values.microsoft ? 'microsoft' : 'google'} takes no file or address`);
      return withCore(values, io, (core) => connectCalendar(core, values, io));
    }
    if (action === 'list')
      return withCore(values, io, async (core) => {
        const calendars = core.reads.config.calendars;
        if (values.json) printJson(io, { calendars });
        else if (calendars.length === 0) io.out('no calendars yet: ricochet calendars add <file|url>\n');
        else
          for (const c of calendars)
            io.out(
              `${c.id.slice(0, 8)}  ${c.kind.padEnd(9)} ${c.name ?? (c.app ? core.reads.calendarName(c) : c.location)}${c.ignoreAllDay ? '  (all-day ignored)' : ''}${c.shareTitles ? '  (titles shared)' : ''}\n`,
            );
        return 0;
      });
    if (!target) throw new UsageError(`${action ?? 'an action'} needs a calendar`);
    if (action === 'add') {
      const variable = values['password-env'];
      const password = variable ? io.env[variable] : undefined;
      if (values.user && !password)
        throw new UsageError('CalDAV needs --password-env <VAR> naming a set variable');
      return withCore(values, io, async (core) => {
        let entry;
        try {
          entry = await core.commands.addCalendar({
            location: target,
            name: values.name,
            user: values.user,
            password,
            ignoreAllDay: values['ignore-all-day'],
            shareTitles: values['share-titles'],
            anyway: values.anyway,
          });
        } catch (error) {
          // Refused: nothing was added; say why and how to add it all the same.
          io.err(`ricochet calendars add: ${(error as Error).message}\n`);
          // Only a feed can be down today; a file that cannot be read will not be better tomorrow.
          if (/could not be read/.test((error as Error).message) && /^(https?|webcals?):\/\//i.test(target))
            io.err('(to add it all the same, for a feed that is down today: --anyway)\n');
          return 1;
        }
        const read = core.reads.calendarState();
        const warning = read?.warnings.find((w) => w.source === core.reads.calendarName(entry));
        if (values.json) printJson(io, { ...entry, warning: warning?.message ?? null });
        else {
          io.out(`added ${entry.kind} ${entry.location}\n`);
          if (warning) io.err(`warning: ${warning.message}\n`);
        }
        return 0;
      });
    }
    if (action === 'remove')
      return withCore(values, io, async (core) => {
        const removed = await core.commands.removeCalendar(target);
        if (removed === 0)
          throw new UsageError(`no calendar matches "${target}" (see ricochet calendars list)`);
        io.out(`removed ${removed} calendar(s)\n`);
        return 0;
      });
    throw new UsageError(`unknown action "${action}" (add, list, remove)`);
  },
};

export const publishCommand: CliCommand = {
  usage: 'Usage: ricochet publish [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } });
    return withCore(values, io, async (core) => {
      const result = await core.commands.publish();
      const warnings = result.report?.warnings ?? [];
      if (values.json)
        printJson(io, {
          published: result.published,
          reason: result.reason,
          warnings,
          queued: core.reads.freshness().queued,
        });
      else {
        const queued = core.reads.freshness().queued;
        io.out(
          `${result.published ? 'published' : `not published (${result.reason})`}${queued ? `, ${queued} queued (offline)` : ''}\n`,
        );
        for (const w of warnings) io.err(`warning: ${w.source}: ${w.message}\n`);
      }
      return 0;
    });
  },
};

export const digestCommand: CliCommand = {
  usage: 'Usage: ricochet digest [--week] [--markdown] [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...profileFlag,
      week: { type: 'boolean' },
      markdown: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    return withCore(values, io, async (core) => {
      const digest = await core.reads.digest(values.week ? 'week' : 'day');
      if (values.json) printJson(io, digest);
      else io.out(values.markdown ? digest.markdown : digest.text);
      return 0;
    });
  },
};
