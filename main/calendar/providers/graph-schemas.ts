import { z } from 'zod';

/**
 * Microsoft Graph's answers, as far as Ricochet reads them (v1.0 `event`, `calendarView/delta`,
 * `mailboxSettings`). Unknown properties are dropped; the ones read are checked, so a changed
 * answer is a clear warning for that calendar, not a wrong reading.
 */
const dateTimeTimeZone = z.object({ dateTime: z.string().max(40), timeZone: z.string().max(100).optional() });

export const graphEvent = z.object({
  id: z.string().max(400),
  subject: z.string().max(1_000).nullish(),
  isAllDay: z.boolean().optional(),
  isCancelled: z.boolean().optional(),
  /** free, tentative, busy, oof, workingElsewhere, unknown. */
  showAs: z.string().max(40).nullish(),
  responseStatus: z.object({ response: z.string().max(40).nullish() }).nullish(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  location: z.object({ displayName: z.string().max(400).nullish() }).nullish(),
});
export type GraphEvent = z.infer<typeof graphEvent>;

/** A delta page says an event left the view (deleted, or moved out of the window). */
const removed = z.object({
  id: z.string().max(400),
  '@removed': z.object({ reason: z.string().max(40).optional() }),
});

export const graphPage = z.object({
  value: z.array(z.union([removed, graphEvent])).max(1_000),
  '@odata.nextLink': z.string().max(8_000).optional(),
  '@odata.deltaLink': z.string().max(8_000).optional(),
});

export const mailboxSettings = z.object({
  /** A Windows zone name ("Romance Standard Time") or an IANA one. */
  timeZone: z.string().max(100).nullish(),
  automaticRepliesSetting: z
    .object({
      status: z.string().max(40).nullish(),
      scheduledStartDateTime: dateTimeTimeZone.nullish(),
      scheduledEndDateTime: dateTimeTimeZone.nullish(),
    })
    .nullish(),
  workingHours: z
    .object({
      daysOfWeek: z.array(z.string().max(20)).max(7).nullish(),
      startTime: z.string().max(20).nullish(),
      endTime: z.string().max(20).nullish(),
    })
    .nullish(),
});
export type MailboxSettings = z.infer<typeof mailboxSettings>;
