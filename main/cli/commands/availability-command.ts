import { defaultWorkingHoursText, parseWorkingHours } from '../../../shared/availability/working-hours';
import { isKnownZone, parseInstant } from '../../../shared/time/zoned-time';
import { oneOffCalendars, type NewCalendar } from '../../core/index';
import { parseFlags, printJson, UsageError, type CliCommand, type CliIo } from '../command';
import { withCore } from './with-core';
import { environmentRegion, setRegion } from '../../../shared/i18n/locale';
import { formatReport, reportJson } from './availability-format';

const usage = `Usage: ricochet availability --ics <file|url> [--ics …] [--caldav <url> --user <u> --password-env <VAR>]
       [--from <instant>] [--to <instant>] [--tz <IANA zone>] [--me <email>]… [--now <instant>]
       [--hours "mon-fri 09:00-18:00"] [--profile <dir>] [--json]
Reads calendars and prints busy time, the state now, the next free slot and the load.
The window defaults to the one the app publishes: this week from Monday, and the next two. With no --ics or
--caldav, the calendars added to the profile (ricochet calendars add) are read, each with
its options, exactly as the app reads them.`;

function optionalInstant(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseInstant(value);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
}

/** The calendars named on the command line, as the app would add them. */
function namedCalendars(
  values: { ics?: string[]; caldav?: string; user?: string; 'password-env'?: string },
  io: CliIo,
) {
  const calendars: NewCalendar[] = (values.ics ?? []).map((location) => ({ location }));
  if (values.caldav) {
    const variable = values['password-env'];
    if (!values.user || !variable) throw new UsageError('--caldav needs --user and --password-env');
    const password = io.env[variable];
    if (password === undefined) throw new UsageError(`--password-env: $${variable} is not set`);
    calendars.push({ location: values.caldav, user: values.user, password });
  }
  return calendars;
}

export const availabilityCommand: CliCommand = {
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ics: { type: 'string', multiple: true },
      caldav: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      tz: { type: 'string' },
      me: { type: 'string', multiple: true },
      now: { type: 'string' },
      hours: { type: 'string' },
      json: { type: 'boolean' },
      profile: { type: 'string' },
    });
    if (values.tz !== undefined && !isKnownZone(values.tz))
      throw new UsageError(`--tz: unknown time zone "${values.tz}" (use an IANA name like Europe/Paris)`);
    if (values.hours !== undefined) {
      try {
        parseWorkingHours(values.hours);
      } catch (error) {
        throw new UsageError(`--hours: ${(error as Error).message}`);
      }
    }
    // Times as the terminal's region writes them (a profile's core adds the clock chosen in Settings).
    setRegion(environmentRegion(io.env));
    const now = optionalInstant(values.now, '--now') ?? Date.now();
    const from = optionalInstant(values.from, '--from');
    const to = optionalInstant(values.to, '--to');
    if ((from === undefined) !== (to === undefined))
      throw new UsageError('give both --from and --to, or neither');
    if (from !== undefined && to !== undefined && to <= from)
      throw new UsageError('--to must be after --from');
    // Without one, the window the app publishes (this week from Monday, and the next two), so
    // the week's load is the board's.
    const window = from !== undefined && to !== undefined ? { from, to } : undefined;
    const once = {
      ...(values.tz !== undefined ? { tz: values.tz } : {}),
      ...(values.hours !== undefined ? { hours: values.hours } : {}),
      ...(values.me ? { me: values.me } : {}),
    };

    // Named calendars, or the profile's: either way the app's calendar service reads them.
    const named = namedCalendars(values, io);
    const { report, calendarsRead, hours } =
      named.length > 0
        ? await readNamed(named, once, now, window)
        : await withCore(values, io, async (core) => {
            if (core.reads.config.calendars.length === 0)
              throw new UsageError(
                'give at least one --ics or --caldav source (or add calendars: ricochet calendars add <file|url>)',
              );
            const read = await core.reads.availability(now, window, once);
            return { ...read, hours: once.hours ?? core.reads.config.hours };
          });
    if (calendarsRead === 0) {
      // Nothing read is not "free": say what went wrong for each source, and no summary.
      if (values.json) printJson(io, { error: 'no calendar could be read', warnings: report.warnings });
      for (const w of report.warnings) io.err(`warning: ${w.source}: ${w.message}\n`);
      io.err('ricochet availability: no calendar could be read, so nothing can be said about your time\n');
      return 1;
    }
    const workingHours = parseWorkingHours(hours);
    if (values.json) printJson(io, reportJson(report, workingHours));
    else io.out(formatReport(report, workingHours));
    return 0;
  },
};

async function readNamed(
  calendars: NewCalendar[],
  once: { tz?: string; hours?: string; me?: string[] },
  now: number,
  window: { from: number; to: number } | undefined,
) {
  const settings = {
    tz: once.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    hours: once.hours ?? defaultWorkingHoursText,
    me: once.me ?? [],
  };
  let service;
  try {
    service = oneOffCalendars({ ...settings, calendars });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { ...(await service.read(now, window)), hours: settings.hours };
}
