import { z } from 'zod';

/**
 * Microsoft Graph's answers, as far as Ricochet reads them (v1.0 `event`, `calendarView/delta`,
 * `mailboxSettings`). Unknown properties are dropped; the ones read are checked, so a changed
 * answer is a clear warning for that calendar, not a wrong reading.
 */
// Strings are not limited one by one: the whole answer is (20 MB, provider-http.ts), a window
// holds at most PROVIDER_EVENTS_MAX events, and titles are cut when published. A length check
// on every string made reading a 2,000-event page seven times slower.
const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().optional() });

export const graphEvent = z.object({
  id: z.string(),
  subject: z.string().nullish(),
  isAllDay: z.boolean().optional(),
  isCancelled: z.boolean().optional(),
  /** free, tentative, busy, oof, workingElsewhere, unknown. */
  showAs: z.string().nullish(),
  responseStatus: z.object({ response: z.string().nullish() }).nullish(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  location: z.object({ displayName: z.string().nullish() }).nullish(),
});
export type GraphEvent = z.infer<typeof graphEvent>;

/** A delta page says an event left the view (deleted, or moved out of the window). */
const removed = z.object({
  id: z.string(),
  '@removed': z.object({ reason: z.string().optional() }),
});

export const graphPage = z.object({
  value: z.array(z.union([removed, graphEvent])).max(1_000),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export const mailboxSettings = z.object({
  /** A Windows zone name ("Romance Standard Time") or an IANA one. */
  timeZone: z.string().nullish(),
  automaticRepliesSetting: z
    .object({
      status: z.string().nullish(),
      scheduledStartDateTime: dateTimeTimeZone.nullish(),
      scheduledEndDateTime: dateTimeTimeZone.nullish(),
    })
    .nullish(),
  workingHours: z
    .object({
      daysOfWeek: z.array(z.string()).max(7).nullish(),
      startTime: z.string().nullish(),
      endTime: z.string().nullish(),
    })
    .nullish(),
});
export type MailboxSettings = z.infer<typeof mailboxSettings>;
