import { mergeSegments, type Segment, type TimeWindow } from '../../shared/availability/segments';
import { summarize, type AvailabilitySummary } from '../../shared/availability/summary';
import type { WorkingHours } from '../../shared/availability/working-hours';
import { DAY_MS } from '../../shared/time/zoned-time';
import type { PlaceSpan } from '../../shared/availability/places';
import { expandCalendar, parseCalendar, type ParsedCalendar } from './read-calendar';
import type { CalendarContent, ProviderEvents } from './sources/calendar-source';
import type { TimeValue } from './event-record';
import { ianaZone } from './zones';

export interface SourceWarning {
  source: string;
  message: string;
}

export interface AvailabilityReport {
  window: TimeWindow;
  tz: string;
  busy: Segment[];
  /** Each busy or out-of-office occurrence on its own, unmerged: meetings are counted from these. */
  meetings: Segment[];
  /** Only from sources with "share titles" on; empty otherwise. */
  titles: { start: number; title: string }[];
  /**
   * Each source's own blocks, unmerged and named by source: what says "this meeting is from
   * your Work calendar" in My day. Stays on this machine (the publisher sends `busy` only).
   */
  blocks: (Segment & { source: string })[];
  /** Where I work, from every source (never busy time). */
  places: PlaceSpan[];
  summary: AvailabilitySummary;
  warnings: SourceWarning[];
  stats: { events: number; occurrences: number; parseMs: number; computeMs: number };
}

export interface EngineOptions {
  tz: string;
  me?: readonly string[];
  hours: WorkingHours;
  /** Per source: read its all-day events as free. */
  ignoreAllDay?: ReadonlySet<string>;
  /** Per source: its event titles may leave the machine (off unless the person turns it on). */
  shareTitles?: ReadonlySet<string>;
}

interface SourceState {
  content: CalendarContent;
  parsed?: ParsedCalendar;
}

/**
 * A provider's occurrences as a parsed calendar: each one a single event, nothing to parse.
 * An all-day event is the person's day, as for iCalendar dates: its zone is theirs.
 */
function providerCalendar(content: ProviderEvents, tz: string): ParsedCalendar {
  const dates = ianaZone(tz);
  const inMyDay = (t: TimeValue): TimeValue => (t.isDate ? { ...t, zone: dates } : t);
  return {
    series: content.events.map((e) => ({
      master: e.start.isDate
        ? { ...e, start: inMyDay(e.start), ...(e.end ? { end: inMyDay(e.end) } : {}) }
        : e,
      overrides: [],
    })),
    warnings: [...content.warnings],
    events: content.events.length,
    parseMs: 0,
    horizon: -Infinity,
    until: Infinity,
    isCalendar: true,
  };
}

/**
 * Keeps each source parsed, and the merged segments of a window wider than asked, so that
 * the per-minute recompute of an unchanged calendar is only the summary: no parse and no
 * expansion until a source changes or the window leaves the cached span.
 */
export class AvailabilityEngine {
  private readonly sources = new Map<string, SourceState>();
  private readonly failures = new Map<string, string>();
  private cache:
    | {
        span: TimeWindow;
        segments: Segment[];
        meetings: Segment[];
        occurrences: number;
        warnings: SourceWarning[];
        titles: { start: number; title: string }[];
        blocks: (Segment & { source: string })[];
        places: PlaceSpan[];
      }
    | undefined;
  private parseMs = 0;

  constructor(private readonly options: EngineOptions) {}

  /** New content for a source; unchanged text (or the same provider reading) costs nothing. */
  setSource(name: string, content: CalendarContent): void {
    this.failures.delete(name);
    if (this.sources.get(name)?.content === content) return;
    this.sources.set(name, { content });
    this.cache = undefined;
  }

  /** A source that could not be read this time: its last good data keeps counting. */
  setFailure(name: string, message: string): void {
    this.failures.set(name, message);
  }

  removeSource(name: string): void {
    this.sources.delete(name);
    this.failures.delete(name);
    this.cache = undefined;
  }

  /** The sources whose last read failed (their previous data, if any, still counts). */
  failingSources(): string[] {
    return [...this.failures.keys()];
  }

  /**
   * How many sources hold a calendar as last read (after a report): a source that failed, or
   * whose text is no calendar at all, cannot say anyone is free.
   */
  calendarsRead(): number {
    let count = 0;
    for (const [name, state] of this.sources)
      if (!this.failures.has(name) && state.parsed?.isCalendar) count++;
    return count;
  }

  /** Events per source, as last parsed (for settings: "work.ics · 312 events"). */
  sourceEvents(): Record<string, number> {
    return Object.fromEntries([...this.sources].map(([name, s]) => [name, s.parsed?.events ?? 0]));
  }

  get sourceCount(): number {
    return this.sources.size;
  }

  get tz(): string {
    return this.options.tz;
  }

  report(window: TimeWindow, now: number): AvailabilityReport {
    const started = performance.now();
    if (!this.cache || window.from < this.cache.span.from || window.to > this.cache.span.to)
      this.expand(window);
    const cache = this.cache!;
    const busy = mergeSegments(cache.segments, window);
    const summary = summarize({
      segments: busy,
      window,
      now,
      tz: this.options.tz,
      hours: this.options.hours,
    });
    const warnings = [...cache.warnings];
    for (const [source, message] of this.failures) warnings.push({ source, message });
    let events = 0;
    for (const s of this.sources.values()) events += s.parsed?.events ?? 0;
    const parseMs = this.parseMs;
    this.parseMs = 0;
    return {
      window,
      tz: this.options.tz,
      busy,
      meetings: cache.meetings.filter((m) => m.start < window.to && m.end > window.from),
      summary,
      warnings,
      titles: cache.titles.filter((t) => t.start >= window.from && t.start < window.to),
      blocks: cache.blocks.filter((b) => b.start < window.to && b.end > window.from),
      places: cache.places.filter((p) => p.start < window.to && p.end > window.from),
      stats: {
        events,
        occurrences: cache.occurrences,
        parseMs,
        computeMs: performance.now() - started,
      },
    };
  }

  private expand(window: TimeWindow): void {
    const span = {
      from: Math.floor(window.from / DAY_MS) * DAY_MS - DAY_MS,
      to: Math.ceil(window.to / DAY_MS) * DAY_MS + DAY_MS,
    };
    // Parsed when first needed, leaving out events that ended a week before the window;
    // a window that reaches back past that parses the text again.
    for (const state of this.sources.values()) {
      if (state.parsed && state.parsed.horizon <= span.from && state.parsed.until >= span.to) continue;
      state.parsed =
        typeof state.content === 'string'
          ? parseCalendar(state.content, this.options.tz, span.from - 7 * DAY_MS, span.to + 42 * DAY_MS)
          : providerCalendar(state.content, this.options.tz);
      this.parseMs += state.parsed.parseMs;
    }
    const all: Segment[] = [];
    const meetings: Segment[] = [];
    const titles: { start: number; title: string }[] = [];
    const blocks: (Segment & { source: string })[] = [];
    const warnings: SourceWarning[] = [];
    const places: PlaceSpan[] = [];
    let occurrences = 0;
    for (const [source, { parsed }] of this.sources) {
      if (!parsed) continue;
      const read = expandCalendar(parsed, {
        window: span,
        tz: this.options.tz,
        me: this.options.me ?? [],
        ignoreAllDay: this.options.ignoreAllDay?.has(source) ?? false,
        titles: this.options.shareTitles?.has(source) ?? false,
      });
      titles.push(...read.titles);
      places.push(...read.places);
      all.push(...read.segments);
      for (const segment of read.segments) blocks.push({ ...segment, source });
      meetings.push(...read.meetings);
      occurrences += read.occurrences;
      for (const message of [...parsed.warnings, ...read.warnings]) warnings.push({ source, message });
    }
    titles.sort((a, b) => a.start - b.start);
    meetings.sort((a, b) => a.start - b.start || a.end - b.end);
    this.cache = {
      span,
      segments: mergeSegments(all, span),
      meetings,
      occurrences,
      warnings,
      titles,
      blocks,
      places: places.sort((a, b) => a.start - b.start),
    };
  }
}
