import { z } from 'zod';

/**
 * Google Calendar API v3's answers as far as Ricochet reads them (`events.list` with
 * singleEvents, whose answer also gives the calendar's zone). Unknown properties are dropped; the ones read are checked.
 */
// Strings are not limited one by one: the whole answer is (20 MB, provider-http.ts), a window
// holds at most PROVIDER_EVENTS_MAX events, and titles are cut when published. A length check
// on every string made reading a 2,000-event page seven times slower.
const eventTime = z.object({
  date: z.string().optional(),
  dateTime: z.string().optional(),
  timeZone: z.string().optional(),
});

export const googleEvent = z.object({
  id: z.string(),
  /** confirmed, tentative, cancelled (a deleted instance, in an incremental sync). */
  status: z.string().optional(),
  summary: z.string().optional(),
  transparency: z.string().optional(),
  /** default, outOfOffice, focusTime, workingLocation, birthday, fromGmail. */
  eventType: z.string().optional(),
  start: eventTime.optional(),
  end: eventTime.optional(),
  attendees: z
    .array(z.object({ self: z.boolean().optional(), responseStatus: z.string().optional() }))
    .max(2_000)
    .optional(),
  workingLocationProperties: z
    .object({
      type: z.string().optional(),
      homeOffice: z.object({}).optional(),
      officeLocation: z
        .object({ label: z.string().optional(), buildingId: z.string().optional() })
        .optional(),
      customLocation: z.object({ label: z.string().optional() }).optional(),
    })
    .optional(),
});
export type GoogleEvent = z.infer<typeof googleEvent>;

export const googleEventsPage = z.object({
  items: z.array(googleEvent).max(2_500).default([]),
  timeZone: z.string().optional(),
  nextPageToken: z.string().optional(),
  nextSyncToken: z.string().optional(),
});
