import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { readConfig, writeConfig, defaultProfileDir } from '../../profile/profile';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { profileFlag, withCore } from './team-commands';

export const calendarsCommand: CliCommand = {
  name: 'calendars',
  summary: 'Add, list or remove the calendars your availability comes from.',
  usage: `Usage: ricochet calendars add <file|url> [--name <n>] [--ignore-all-day] [--share-titles] [--user <u> --password-env <VAR>]
       ricochet calendars list
       ricochet calendars remove <id|file|url>
  [--profile <dir>] [--json]. A URL is an ICS feed (https, http, webcal); with --user it is CalDAV.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        ...profileFlag,
        json: { type: 'boolean' },
        name: { type: 'string' },
        'ignore-all-day': { type: 'boolean' },
        'share-titles': { type: 'boolean' },
        user: { type: 'string' },
        'password-env': { type: 'string' },
      },
      true,
    );
    const [action, target] = positionals;
    const dir = values.profile ?? defaultProfileDir(io.env);
    const config = readConfig(dir);
    if (action === 'list') {
      if (values.json) printJson(io, { calendars: config.calendars });
      else if (config.calendars.length === 0) io.out('no calendars yet: ricochet calendars add <file|url>\n');
      else
        for (const c of config.calendars)
          io.out(
            `${c.id.slice(0, 8)}  ${c.kind.padEnd(6)} ${c.name ?? c.location}${c.ignoreAllDay ? '  (all-day ignored)' : ''}${c.shareTitles ? '  (titles shared)' : ''}\n`,
          );
      return 0;
    }
    if (!target) throw new UsageError(`${action ?? 'an action'} needs a calendar`);
    if (action === 'add') {
      const isUrl = /^(https?|webcals?):\/\//i.test(target);
      const kind = values.user ? 'caldav' : isUrl ? 'feed' : 'file';
      const entry = {
        id: randomUUID(),
        kind,
        location: isUrl ? target : resolve(target),
        ...(values.name ? { name: values.name } : {}),
        ...(values.user ? { user: values.user } : {}),
        ignoreAllDay: !!values['ignore-all-day'],
        shareTitles: !!values['share-titles'],
      } as const;
      if (kind === 'caldav') {
        const variable = values['password-env'];
        const password = variable ? io.env[variable] : undefined;
        if (!password) throw new UsageError('CalDAV needs --password-env <VAR> naming a set variable');
        await withCore(values, io, async (core) => core.secrets.set(`caldav:${entry.id}`, password));
      }
      writeConfig(dir, { ...config, calendars: [...config.calendars, entry] });
      if (values.json) printJson(io, entry);
      else io.out(`added ${kind} ${entry.location}\n`);
      return 0;
    }
    if (action === 'remove') {
      const left = config.calendars.filter(
        (c) => !(c.id.startsWith(target) || c.location === target || c.location === resolve(target)),
      );
      if (left.length === config.calendars.length)
        throw new UsageError(`no calendar matches "${target}" (see ricochet calendars list)`);
      writeConfig(dir, { ...config, calendars: left });
      io.out(`removed ${config.calendars.length - left.length} calendar(s)\n`);
      return 0;
    }
    throw new UsageError(`unknown action "${action}" (add, list, remove)`);
  },
};

export const publishCommand: CliCommand = {
  name: 'publish',
  summary: 'Read my calendars and publish my free/busy if it changed (one run of the publisher).',
  usage: 'Usage: ricochet publish [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...profileFlag, json: { type: 'boolean' } });
    return withCore(values, io, async (core) => {
      const result = await core.publish();
      const warnings = result.report?.warnings ?? [];
      if (values.json)
        printJson(io, {
          published: result.published,
          reason: result.reason,
          warnings,
          queued: core.cache.outbox().length,
        });
      else {
        io.out(
          `${result.published ? 'published' : `not published (${result.reason})`}${core.cache.outbox().length ? `, ${core.cache.outbox().length} queued (offline)` : ''}\n`,
        );
        for (const w of warnings) io.err(`warning: ${w.source}: ${w.message}\n`);
      }
      return 0;
    });
  },
};

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'My day (or week) from my posts and calendars, ready for a standup.',
  usage: 'Usage: ricochet digest [--week] [--markdown] [--profile <dir>] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...profileFlag,
      week: { type: 'boolean' },
      markdown: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    return withCore(values, io, async (core) => {
      const digest = await core.digest(values.week ? 'week' : 'day');
      if (values.json) printJson(io, digest);
      else io.out(values.markdown ? digest.markdown : digest.text);
      return 0;
    });
  },
};
