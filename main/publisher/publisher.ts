import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { boundPlaces } from '../../shared/availability/places';
import { wallWeekStart } from '../../shared/availability/working-hours';
import { DAY_MS, HOUR_MS, isoInstant, wallToUtc } from '../../shared/time/zoned-time';
import type { LocalCache } from '../cache/local-cache';
import type { CoreState, StateValue } from '../cache/core-state';
import type { AvailabilityEngine, AvailabilityReport } from '../calendar/availability-engine';
import { readSources } from '../calendar/read-sources';
import { publishLimits } from '../../shared/protocol/schemas';
import type { CalendarSource } from '../calendar/sources/calendar-source';

export interface PublishResult {
  published: boolean;
  reason: 'changed' | 'unchanged' | 'paused' | 'no-sources' | 'no-source-read';
  report?: AvailabilityReport;
}

/**
 * The whole current week (from its first day in my zone) through the next two, and at least
 * yesterday: the week's load counts the days already past, and the digest has yesterday.
 */
export function publishWindow(now: number, tz: string) {
  const weekStart = wallToUtc(tz, wallWeekStart(tz, now));
  const from = Math.min(weekStart, Math.floor(now / HOUR_MS) * HOUR_MS - DAY_MS);
  return { from, to: wallToUtc(tz, wallWeekStart(tz, now) + 21 * DAY_MS) };
}

/**
 * Turns the person's calendars into published free/busy, without them thinking about it.
 * Only segments, kinds and load leave the machine, and only when they differ from what was
 * last published (a hash). The mutation goes through the outbox, so offline is fine.
 */
export class Publisher {
  private readonly setHash: (value: StateValue<'publishedHash'>) => void;
  private readonly setCalendarState: (value: StateValue<'calendarState'>) => void;

  constructor(
    private readonly engine: () => AvailabilityEngine,
    private readonly cache: LocalCache,
    private readonly state: CoreState,
    private readonly sources: () => CalendarSource[],
    private readonly paused: () => boolean,
  ) {
    this.setHash = state.writer('publishedHash');
    this.setCalendarState = state.writer('calendarState');
  }

  /** Settings changed (zone, hours, calendars): publish at the next run even if the hash matches. */
  forget(): void {
    this.setHash(null);
  }

  async runOnce(now = Date.now()): Promise<PublishResult> {
    if (this.paused()) return { published: false, reason: 'paused' };
    const sources = this.sources();
    if (sources.length === 0) return { published: false, reason: 'no-sources' };
    const engine = this.engine();
    const window = publishWindow(now, engine.tz);
    const read = await readSources(engine, sources, window);
    const report = engine.report(window, now);
    // A source that cannot be read keeps its last good data; teammates are told since when.
    const before = this.state.read('calendarState')?.failingSince ?? {};
    const failingSince: Record<string, string> = {};
    for (const name of engine.failingSources()) failingSince[name] = before[name] ?? isoInstant(now);
    const staleSince = Object.values(failingSince).sort()[0];
    this.setCalendarState({
      at: isoInstant(now),
      warnings: report.warnings,
      events: report.stats.events,
      perSource: engine.sourceEvents(),
      failingSince,
    });
    if (read === 0 && engine.sourceCount === 0) return { published: false, reason: 'no-source-read', report };
    // Within what the server accepts: past the last block that fits, the window ends (so nothing
    // after it reads as free), and titles are cut to their length.
    const busy = report.busy.slice(0, publishLimits.segments);
    const to = busy.length < report.busy.length ? report.busy[busy.length]!.start : window.to;
    const places = boundPlaces(report.places, { from: window.from, to }, publishLimits.places);
    const body = {
      window: { from: isoInstant(window.from), to: isoInstant(to) },
      busy: busy.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), kind: s.kind })),
      loadToday: report.summary.loadToday,
      loadWeek: report.summary.loadWeek,
      ...(staleSince ? { staleSince } : {}),
      // Where I work leaves the machine with free/busy (it is never busy time itself).
      ...(places.length > 0
        ? {
            places: places.map(({ start, end, ...place }) => ({
              start: isoInstant(start),
              end: isoInstant(end),
              ...place,
            })),
          }
        : {}),
      ...(report.titles.length > 0
        ? {
            titles: report.titles
              .filter((t) => t.start < to)
              .slice(0, publishLimits.titles)
              .map((t) => ({ start: isoInstant(t.start), title: cut(t.title, publishLimits.titleLength) })),
          }
        : {}),
    };
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    if (this.state.read('publishedHash') === hash) return { published: false, reason: 'unchanged', report };
    this.cache.enqueue(uuidv7(), { kind: 'availability', availability: body });
    this.setHash(hash);
    return { published: true, reason: 'changed', report };
  }
}

/** Text cut to a length, never through the middle of a character made of two code units. */
const cut = (text: string, length: number) => text.slice(0, length).replace(/[\uD800-\uDBFF]$/, '');
