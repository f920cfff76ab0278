import { z } from 'zod';
import { busyKinds } from '../availability/segments';
import { placeKinds } from '../availability/places';
import { MENTIONS_MAX, roles } from './schemas';

/**
 * The team's change log on the wire: one schema per kind of change, joined in a union on
 * `kind`. The server types what it appends with these, the client parses every page and
 * stream message with them once, and the desktop cache stores and reads the same types, so a
 * field added to a kind is a compile error wherever it is not handled.
 *
 * Read leniently where one member's data must not stop the others': a zone or working hours
 * the desktop cannot use spoil that member's card (the status engine makes them safe), never
 * the page. Everything that can be sent is bounded by the request schemas in `schemas.ts`.
 */
const text = z.string().max(1_000);
const stamp = z.string().max(40);

export const workingSpan = z.object({ start: z.number(), end: z.number() });
export const memberProfileData = z.object({
  role: text.optional(),
  skills: z.array(text).max(30).optional(),
  timezone: text.optional(),
  workingHours: z.array(z.array(workingSpan).max(4)).max(7).optional(),
});
export type MemberProfile = z.infer<typeof memberProfileData>;

/** A member as teammates see them (never an email). */
export const memberData = z.object({
  id: z.string(),
  teamId: z.string(),
  name: text,
  role: z.enum(roles),
  profile: memberProfileData,
  createdAt: stamp,
});

export const statusData = z.object({
  state: z.string().max(20).nullable(),
  emoji: text.nullable(),
  text: text.nullable(),
  until: stamp.nullable(),
  updatedAt: stamp,
});

export const busySegmentData = z.object({ start: stamp, end: stamp, kind: z.enum(busyKinds) });

/** The most an availability carries on the wire (a person's devices joined: twice a device's). */
export const availabilityLimits = { busy: 2_000, titles: 2_000, places: 200 } as const;

export const availabilityData = z.object({
  window: z.object({ from: stamp, to: stamp }),
  busy: z.array(busySegmentData).max(availabilityLimits.busy),
  loadToday: z.number().nullable(),
  loadWeek: z.number().nullable(),
  titles: z
    .array(z.object({ start: stamp, title: text }))
    .max(availabilityLimits.titles)
    .optional(),
  staleSince: stamp.optional(),
  places: z
    .array(z.object({ start: stamp, end: stamp, kind: z.enum(placeKinds), label: text.optional() }))
    .max(availabilityLimits.places)
    .optional(),
  updatedAt: stamp,
});

export type AvailabilityData = z.infer<typeof availabilityData>;

/**
 * An availability as someone outside the person's teams sees it (a starrer): free/busy and
 * load, without what it says about their day (meeting titles, where they work).
 */
export function freeBusyOnly(data: AvailabilityData): AvailabilityData {
  const { titles: _titles, places: _places, ...freeBusy } = data;
  return freeBusy;
}

export const postData = z.object({
  id: z.string(),
  memberId: z.string(),
  text,
  tags: z.array(text).max(40),
  createdAt: stamp,
  kind: z.literal('decision').optional(),
  /** The people it names (member ids): a device notifies by these, never by reading names. */
  mentions: z.array(z.string().max(64)).max(MENTIONS_MAX).optional(),
});

/** Who may see a private change (an ask): its two people. */
export const audienceList = z.array(z.string()).max(2);

export const askStates = ['pending', 'delivered', 'answered', 'snoozed', 'dismissed'] as const;

/** An ask as the server keeps it and both people see it (no one else ever does). */
export const askSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  text,
  createdAt: stamp,
  /** When it reaches the person: now if they are free, else when they next are. */
  deliverAt: stamp,
  /** What it waits for ("busy", "focus", "off"…), null when delivered at once. */
  waitsFor: z.string().max(20).nullable(),
  deliveredAt: stamp.nullable(),
  seenAt: stamp.nullable(),
  state: z.enum(askStates),
  answer: text.nullable(),
  snoozedUntil: stamp.nullable(),
  /** Its author marked it urgent (asks recorded before urgency existed are not). */
  urgent: z.boolean().default(false),
});

const envelope = {
  seq: z.number().int().positive(),
  memberId: z.string(),
  entityId: z.string(),
  at: stamp,
};
const gone = z.object({ id: z.string() });

/** The most people one team (a group of the organisation) holds: a whole company of 5,000. */
export const GROUP_MEMBERS_MAX = 5_000;

/**
 * A team inside the organisation, with its people: one person may be in several. The log
 * keeps the latest of each (a membership change re-sends the list, bounded above).
 */
export const groupData = z.object({
  id: z.string(),
  name: text,
  members: z.array(z.string().max(64)).max(GROUP_MEMBERS_MAX),
  createdAt: stamp,
});

/** The most people one person may star (watch from outside their teams). */
export const STARS_MAX = 500;

/** The people I star: sent to me only (my other devices), the latest list each time. */
export const starsData = z.object({ ids: z.array(z.string().max(64)).max(STARS_MAX) });

/** One row of a team's change log, as /v1/sync and the stream deliver it. */
export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ ...envelope, kind: z.literal('member'), data: memberData }),
  z.object({ ...envelope, kind: z.literal('member-removed'), data: gone }),
  z.object({ ...envelope, kind: z.literal('status'), data: statusData }),
  z.object({ ...envelope, kind: z.literal('availability'), data: availabilityData }),
  z.object({ ...envelope, kind: z.literal('post'), data: postData }),
  z.object({ ...envelope, kind: z.literal('post-deleted'), data: gone }),
  z.object({ ...envelope, kind: z.literal('ask'), data: askSchema }),
  z.object({ ...envelope, kind: z.literal('group'), data: groupData }),
  z.object({ ...envelope, kind: z.literal('stars'), data: starsData }),
  /** A change meant for other members (an ask between two people): its place in the sequence only. */
  z.object({ ...envelope, kind: z.literal('private'), data: z.null() }),
]);

export type Change = z.infer<typeof changeSchema>;
export type ChangeKind = Change['kind'];
export type ChangeData<K extends ChangeKind> = Extract<Change, { kind: K }>['data'];
export type MemberData = z.infer<typeof memberData>;
export type StatusData = z.infer<typeof statusData>;
export type PostData = z.infer<typeof postData>;
export type Ask = z.infer<typeof askSchema>;
export type GroupData = z.infer<typeof groupData>;

/**
 * A change this client cannot read (an older client, or a row written by a bug) keeps its
 * place in the sequence as a private one: the page goes on, and nothing unreadable is stored.
 */
const placeOf = z.object({ seq: envelope.seq });
const readable = changeSchema.catch((ctx) => ({
  seq: placeOf.safeParse(ctx.input).data?.seq ?? 0,
  kind: 'private' as const,
  memberId: '',
  entityId: '',
  at: '',
  data: null,
}));

export const syncPageSchema = z.object({
  changes: z.array(readable),
  cursor: z.number().int().min(0),
  more: z.boolean(),
  /** The cursor was older than the log's compaction point: this page starts a full snapshot. */
  reset: z.boolean().optional(),
});
export type SyncPage = z.infer<typeof syncPageSchema>;

/** Messages of the live stream, server to client. */
export const streamMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), cursor: z.number().int().min(0) }),
  z.object({
    type: z.literal('change'),
    change: readable,
    /**
     * The sequence of the change this stream sent before (or its start): a stream carries only
     * what its viewer may see, so the numbers have holes; a client that has `after` has
     * everything before this one. Absent (an older server): the previous number.
     */
    after: z.number().int().min(0).optional(),
  }),
  /** This stream fell behind (a slow link): it is closed; catch up through /v1/sync. */
  z.object({ type: z.literal('error'), error: z.string(), message: z.string() }),
]);
export type StreamMessage = z.infer<typeof streamMessageSchema>;
