/** Where a person's calendar text comes from: a file, an ICS feed, or a CalDAV account. */
export interface CalendarSource {
  /** What the person sees in warnings and settings. */
  readonly name: string;
  /** The current iCalendar text; throws an Error whose message says what went wrong. */
  read(window: { from: number; to: number }): Promise<string>;
}
