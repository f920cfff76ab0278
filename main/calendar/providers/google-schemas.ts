import { z } from 'zod';

/**
 * Google Calendar API v3's answers as far as Ricochet reads them (`events.list` with
 * singleEvents, `settings/timezone`). Unknown properties are dropped; the ones read are checked.
 */
const eventTime = z.object({
  date: z.string().max(20).optional(),
  dateTime: z.string().max(40).optional(),
  timeZone: z.string().max(100).optional(),
});

export const googleEvent = z.object({
  id: z.string().max(1_100),
  /** confirmed, tentative, cancelled (a deleted instance, in an incremental sync). */
  status: z.string().max(20).optional(),
  summary: z.string().max(1_000).optional(),
  transparency: z.string().max(20).optional(),
  /** default, outOfOffice, focusTime, workingLocation, birthday, fromGmail. */
  eventType: z.string().max(40).optional(),
  start: eventTime.optional(),
  end: eventTime.optional(),
  attendees: z
    .array(z.object({ self: z.boolean().optional(), responseStatus: z.string().max(20).optional() }))
    .max(2_000)
    .optional(),
  workingLocationProperties: z
    .object({
      type: z.string().max(40).optional(),
      homeOffice: z.object({}).optional(),
      officeLocation: z
        .object({ label: z.string().max(400).optional(), buildingId: z.string().max(400).optional() })
        .optional(),
      customLocation: z.object({ label: z.string().max(400).optional() }).optional(),
    })
    .optional(),
});
export type GoogleEvent = z.infer<typeof googleEvent>;

export const googleEventsPage = z.object({
  items: z.array(googleEvent).max(2_500).default([]),
  timeZone: z.string().max(100).optional(),
  nextPageToken: z.string().max(4_000).optional(),
  nextSyncToken: z.string().max(4_000).optional(),
});

export const googleTimezoneSetting = z.object({ value: z.string().max(100) });
