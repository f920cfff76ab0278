import type { EventRecord } from '../event-record';

/**
 * Events a provider has already expanded into occurrences (Graph's calendarView, Google's
 * singleEvents): read by the same rules as iCalendar's, without an iCalendar text between.
 * A source returns the same object while nothing changed, so the engine skips the work.
 */
export interface ProviderEvents {
  events: readonly EventRecord[];
  /** What the provider said that the person should know ("the mailbox's zone differs"). */
  warnings: readonly string[];
}

/** What a source reads: iCalendar text, or a provider's expanded events. */
export type CalendarContent = string | ProviderEvents;

/** Where a person's calendar comes from: a file, an ICS feed, a CalDAV account or a provider. */
export interface CalendarSource {
  /** What the person sees in warnings and settings. */
  readonly name: string;
  /** The current calendar; throws an Error whose message says what went wrong. */
  read(window: { from: number; to: number }): Promise<CalendarContent>;
  /** The computer woke up: a source that polls a provider asks it at its next read. */
  wake?(): void;
}
