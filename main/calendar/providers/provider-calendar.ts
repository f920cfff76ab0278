import { DAY_MS, HOUR_MS } from '../../../shared/time/zoned-time';
import type { EventRecord } from '../event-record';
import type { CalendarSource, ProviderEvents } from '../sources/calendar-source';
import { StartAgainError } from './provider-http';

/** Past this many events in one window a provider's calendar stops growing, with a warning. */
export const PROVIDER_EVENTS_MAX = 20_000;

export interface Span {
  from: number;
  to: number;
}

/** What one provider's API does; the reading, paging, tokens and bounds are the same for all. */
export interface ProviderAdapter<E> {
  /** Every event of the span, page after page, and the token that asks for changes after it. */
  readAll(span: Span): Promise<{ events: E[]; token: string }>;
  /** What changed since the token (throws StartAgainError when the provider forgot it). */
  readChanges(token: string): Promise<{ changed: E[]; removed: string[]; token: string }>;
  idOf(event: E): string;
  /** The provider's event as the engine's record, or null for one that never counts. */
  toRecord(event: E, position: number): EventRecord | null;
  /** What the account says besides its events (automatic replies, its zone), read now and then. */
  accountExtras?(span: Span): Promise<{ records: EventRecord[]; warnings: string[] }>;
  /** What the pages themselves said worth a word (a calendar in another zone). */
  notes?(): string[];
}

/**
 * A calendar at Microsoft 365 or Google read like a good client: the window once, page by
 * page; then only its changes through the delta or sync token (one request when nothing
 * changed, and then the very same reading, so the engine does no work); everything again
 * when the window leaves the span read or the provider forgot the token.
 */
export class ProviderCalendar<E> implements CalendarSource {
  private state:
    | {
        span: Span;
        token: string;
        events: Map<string, E>;
        extras: { records: EventRecord[]; warnings: string[] };
        extrasAt: number;
      }
    | undefined;
  private reading: ProviderEvents | undefined;
  private polledAt = -Infinity;
  fullReads = 0;

  constructor(
    readonly name: string,
    private readonly adapter: ProviderAdapter<E>,
    private readonly timing: { pollEveryMs?: number; extrasEveryMs?: number } = {},
  ) {}

  /** The computer woke up (or the screen was unlocked): the next read asks the provider at once. */
  wake(): void {
    this.polledAt = -Infinity;
  }

  async read(window: Span): Promise<ProviderEvents> {
    const state = this.state;
    if (!state || window.from < state.span.from || window.to > state.span.to) return this.readAll(window);
    // The publisher runs every minute; the provider is asked every few (its changes are rare).
    if (this.reading && Date.now() - this.polledAt < (this.timing.pollEveryMs ?? 0)) return this.reading;
    this.polledAt = Date.now();
    let changes;
    try {
      changes = await this.adapter.readChanges(state.token);
    } catch (error) {
      if (error instanceof StartAgainError) return this.readAll(window);
      throw error;
    }
    state.token = changes.token;
    let changed = changes.changed.length > 0 || changes.removed.length > 0;
    for (const id of changes.removed) state.events.delete(id);
    for (const event of changes.changed) state.events.set(this.adapter.idOf(event), event);
    if (this.adapter.accountExtras && Date.now() - state.extrasAt >= (this.timing.extrasEveryMs ?? HOUR_MS)) {
      const extras = await this.adapter.accountExtras(state.span);
      changed ||= JSON.stringify(extras) !== JSON.stringify(state.extras);
      state.extras = extras;
      state.extrasAt = Date.now();
    }
    if (changed || !this.reading) this.reading = this.build();
    return this.reading;
  }

  private async readAll(window: Span): Promise<ProviderEvents> {
    // A day of slack each side, as for CalDAV: a window that moves by an hour reads no more.
    const span = {
      from: Math.floor(window.from / DAY_MS) * DAY_MS - DAY_MS,
      to: Math.ceil(window.to / DAY_MS) * DAY_MS + DAY_MS,
    };
    this.fullReads++;
    this.polledAt = Date.now();
    const [all, extras] = await Promise.all([
      this.adapter.readAll(span),
      this.adapter.accountExtras?.(span) ?? { records: [], warnings: [] },
    ]);
    const events = new Map(all.events.map((e) => [this.adapter.idOf(e), e]));
    this.state = { span, token: all.token, events, extras, extrasAt: Date.now() };
    this.reading = this.build();
    return this.reading;
  }

  private build(): ProviderEvents {
    const { events, extras } = this.state!;
    const records: EventRecord[] = [...extras.records];
    const warnings = [...extras.warnings, ...(this.adapter.notes?.() ?? [])];
    let position = 0;
    for (const event of events.values()) {
      if (records.length >= PROVIDER_EVENTS_MAX) {
        warnings.push(`more than ${PROVIDER_EVENTS_MAX} events in the window: the later ones are left out`);
        break;
      }
      try {
        const record = this.adapter.toRecord(event, ++position);
        if (record) records.push(record);
      } catch (error) {
        warnings.push(`event #${position} skipped: ${(error as Error).message}`);
      }
    }
    return { events: records, warnings };
  }
}

/** A provider's event as a record: one occurrence (providers expand series themselves). */
export function providerRecord(
  fields: Pick<EventRecord, 'uid' | 'position' | 'start' | 'end' | 'props'> &
    Partial<Pick<EventRecord, 'summary' | 'place'>>,
): EventRecord {
  return { sequence: 0, thisAndFuture: false, rrules: [], rdates: [], exdates: [], ...fields };
}
