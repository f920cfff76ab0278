import { parseWorkingHours, defaultWorkingHoursText } from '../../../shared/availability/working-hours';
import { DAY_MS, isKnownZone, parseInstant } from '../../../shared/time/zoned-time';
import { AvailabilityEngine } from '../../calendar/availability-engine';
import { readSources } from '../../calendar/read-sources';
import { CalDavSource } from '../../calendar/sources/caldav-source';
import type { CalendarSource } from '../../calendar/sources/calendar-source';
import { FeedSource } from '../../calendar/sources/feed-source';
import { FileSource } from '../../calendar/sources/file-source';
import { parseFlags, printJson, UsageError, type CliCommand } from '../command';
import { withCore } from './with-core';
import { formatReport, reportJson } from './availability-format';

const usage = `Usage: ricochet availability --ics <file|url> [--ics …] [--caldav <url> --user <u> --password-env <VAR>]
       [--from <instant>] [--to <instant>] [--tz <IANA zone>] [--me <email>]… [--now <instant>]
       [--hours "mon-fri 09:00-18:00"] [--profile <dir>] [--json]
Reads calendars and prints busy time, the state now, the next free slot and the load.
The window defaults to one day back and fourteen days ahead of --now. With no --ics or
--caldav, the calendars added to the profile (ricochet calendars add) are read.`;

function optionalInstant(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseInstant(value);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
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
    // Without a named source, the profile's calendars, zone, hours and addresses: the same
    // answer the board and the tray give.
    const profile =
      values.ics || values.caldav
        ? undefined
        : await withCore(values, io, async (core) => ({
            sources: core.calendarSources(),
            tz: core.config.tz,
            hours: core.config.hours,
            me: [...core.config.me, ...(core.identity?.member.email ? [core.identity.member.email] : [])],
          }));
    const tz = values.tz ?? profile?.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isKnownZone(tz))
      throw new UsageError(`--tz: unknown time zone "${tz}" (use an IANA name like Europe/Paris)`);
    let hours;
    try {
      hours = parseWorkingHours(values.hours ?? profile?.hours ?? defaultWorkingHoursText);
    } catch (error) {
      throw new UsageError(`--hours: ${(error as Error).message}`);
    }
    const now = optionalInstant(values.now, '--now') ?? Date.now();
    const from = optionalInstant(values.from, '--from') ?? now - DAY_MS;
    const to = optionalInstant(values.to, '--to') ?? now + 14 * DAY_MS;
    if (to <= from) throw new UsageError('--to must be after --from');

    const sources: CalendarSource[] = (values.ics ?? []).map((s) =>
      /^(https?|webcals?):\/\//i.test(s) ? new FeedSource(s) : new FileSource(s),
    );
    if (values.caldav) {
      const variable = values['password-env'];
      if (!values.user || !variable) throw new UsageError('--caldav needs --user and --password-env');
      const password = io.env[variable];
      if (password === undefined) throw new UsageError(`--password-env: $${variable} is not set`);
      sources.push(new CalDavSource({ serverUrl: values.caldav, username: values.user, password }));
    }
    if (sources.length === 0) {
      // No source named: the calendars of the profile (ricochet calendars add …).
      sources.push(...(profile?.sources ?? []));
      if (sources.length === 0)
        throw new UsageError(
          'give at least one --ics or --caldav source (or add calendars: ricochet calendars add <file|url>)',
        );
    }

    const engine = new AvailabilityEngine({ tz, me: values.me ?? profile?.me ?? [], hours });
    const window = { from, to };
    const read = await readSources(engine, sources, window);
    const report = engine.report(window, now);
    if (read === 0) {
      // Nothing read is not "free": say what went wrong for each source, and no summary.
      if (values.json) printJson(io, { error: 'no calendar could be read', warnings: report.warnings });
      for (const w of report.warnings) io.err(`warning: ${w.source}: ${w.message}\n`);
      io.err('ricochet availability: no calendar could be read, so nothing can be said about your time\n');
      return 1;
    }
    if (values.json) printJson(io, reportJson(report, hours));
    else io.out(formatReport(report, hours));
    return 0;
  },
};
