import { z } from 'zod';
import { busyKinds } from '../availability/segments';
import { PLACE_LABEL_MAX, placeKinds } from '../availability/places';
import { isKnownZone } from '../time/zoned-time';

/**
 * The team server's wire format, shared by the server (which validates every body with it)
 * and the desktop client (which validates every answer with it). Instants are UTC strings.
 */
export const instant = z.iso.datetime({ offset: false, message: 'an instant like 2026-03-10T08:30:00Z' });

// Characters that do not show but change what text looks like or how it reads: controls
// (NUL included), bidi overrides, zero-width marks. Stripped, and the text normalised (NFC),
// so "Ana\u200b" and "\u202eanA" cannot pose as "Ana". Joiners stay in posts (emoji need them).
const unseen =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters removed
  /[\u0000-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Unicode's default-ignorable code points (Hangul fillers, tag characters, U+180E…). */
const ignorable = /\p{Default_Ignorable_Code_Point}/gu;
/** The same, but for the joiner, variation selectors and tags an emoji is built with. */
const ignorableInText = /(?!\u200d|[\ufe00-\ufe0f]|[\u{e0020}-\u{e007f}])\p{Default_Ignorable_Code_Point}/gu;

/** Text a person typed, made safe to show others: invisible characters gone, normalised, trimmed. */
export const visibleText = (max: number, min = 1, options: { joiners?: boolean } = {}) =>
  z
    .string()
    .transform((s) => {
      const cleaned = s.normalize('NFC').replace(unseen, '');
      // Characters that never show (fillers, tags, selectors…) can make "Ana" look like another
      // name: gone from names; in posts, only what emoji are built with (joiner, selectors, tags) stays.
      const shown = options.joiners ? cleaned.replace(ignorableInText, '') : cleaned.replace(ignorable, '');
      return shown.replace(/\s+/g, ' ').trim();
    })
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'it is empty (once invisible characters are removed)' : undefined)
        .max(max),
    );
/** An id of a member, a post or an ask: letters, digits, "-" and "_" (a UUID), never a NUL or a slash. */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'an id is made of letters, digits, "-" and "_"');

/**
 * What one member may publish, chosen from real calendars: a heavy one (back-to-back meetings
 * all day) has about 15 busy blocks a working day, some 450 over the four weeks published;
 * 1,000 leaves twice that. A title is cut at 120 characters (a subject line, not a body). With
 * the body limit (256 KB), nothing one member sends can weigh on every other member's sync.
 */
export const publishLimits = {
  segments: 1_000,
  titles: 1_000,
  titleLength: 120,
  windowDays: 31,
  places: 100,
} as const;

export const manualStates = ['available', 'focus', 'away', 'dnd'] as const;
export const roles = ['admin', 'member'] as const;
const weekday = z
  .array(
    z
      .object({ start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) })
      .strict()
      .refine((h) => h.start < h.end, 'a working span must end after it starts'),
  )
  .max(4)
  .refine(
    (day) => day.every((h, i) => i === 0 || h.start >= day[i - 1]!.end),
    'working spans must be in order and must not overlap',
  );

/** A zone the time-zone database knows: "Europe/Paris", not "Paris". */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .superRefine((zone, ctx) => {
    if (!isKnownZone(zone))
      ctx.addIssue({ code: 'custom', message: `"${zone}" is not a time zone: use a name like Europe/Paris` });
  });

export const profilePatch = z
  .object({
    name: visibleText(80),
    role: visibleText(80, 0),
    skills: z.array(visibleText(40)).max(30),
    timezone: timeZone,
    workingHours: z.array(weekday).length(7),
  })
  .partial()
  .strict();

export const statusBody = z
  .object({
    state: z.enum(manualStates).optional(),
    emoji: visibleText(16, 0, { joiners: true }).optional(),
    text: visibleText(140, 0, { joiners: true }).optional(),
    until: instant.nullable().optional(),
  })
  .strict();

export const segment = z.object({ start: instant, end: instant, kind: z.enum(busyKinds) }).strict();

/** Where the person works for a span (never busy time): "Home", "Office · Lyon". */
export const placeSpan = z
  .object({
    start: instant,
    end: instant,
    kind: z.enum(placeKinds),
    label: visibleText(PLACE_LABEL_MAX).optional(),
  })
  .strict();

export const availabilityBody = z
  .object({
    window: z.object({ from: instant, to: instant }).strict(),
    busy: z.array(segment).max(publishLimits.segments),
    loadToday: z.number().min(0).max(1).optional(),
    loadWeek: z.number().min(0).max(1).optional(),
    /** Some calendar could not be read since then: what is published may be out of date. */
    staleSince: instant.optional(),
    /** Only from sources where the person turned on "share titles". */
    titles: z
      .array(
        z
          .object({ start: instant, title: visibleText(publishLimits.titleLength, 0, { joiners: true }) })
          .strict(),
      )
      .max(publishLimits.titles)
      .optional(),
    places: z.array(placeSpan).max(publishLimits.places).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const from = Date.parse(body.window.from);
    const to = Date.parse(body.window.to);
    if (to <= from)
      ctx.addIssue({ code: 'custom', message: 'window.to must be after window.from', path: ['window'] });
    if (to - from > publishLimits.windowDays * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        message: `the window is longer than ${publishLimits.windowDays} days`,
        path: ['window'],
      });
    let previousEnd = -Infinity;
    body.busy.forEach((s, i) => {
      const start = Date.parse(s.start);
      const end = Date.parse(s.end);
      if (end <= start)
        ctx.addIssue({ code: 'custom', message: 'a segment ends before it starts', path: ['busy', i] });
      if (start < previousEnd)
        ctx.addIssue({
          code: 'custom',
          message: 'segments must be sorted and must not overlap',
          path: ['busy', i],
        });
      if (start < from || end > to)
        ctx.addIssue({ code: 'custom', message: 'a segment is outside the window', path: ['busy', i] });
      previousEnd = end;
    });
  });

/** People one post may name: a short list, never the organisation. */
export const MENTIONS_MAX = 20;

export const postBody = z
  .object({
    id: z.uuid({ message: 'id must be a UUID made by the client' }),
    text: visibleText(500, 1, { joiners: true }),
    tags: z.array(visibleText(40)).max(20).optional(),
    /** A decision is a post that names who it involves (the feed can show only those). */
    kind: z.enum(['post', 'decision']).optional(),
    /** The people its @mentions name (member ids): they see it wherever they work. */
    mentions: z.array(id).max(MENTIONS_MAX).optional(),
  })
  .strict();

/** An edit: the new text, and whom it now names (absent: the same people). */
export const postEditBody = z
  .object({ text: postBody.shape.text, mentions: postBody.shape.mentions })
  .strict();

/** An ask to one teammate, delivered when they are next free. */
export const askBody = z
  .object({
    id: z.uuid({ message: 'id must be a UUID made by the client' }),
    to: id,
    text: visibleText(500, 1, { joiners: true }),
    /** Marked urgent by its author: delivered now, and it rings through the person's quiet. */
    urgent: z.boolean().optional(),
  })
  .strict();

export const askUpdate = z
  .object({
    action: z.enum(['seen', 'answer', 'snooze', 'dismiss']),
    text: visibleText(500, 1, { joiners: true }).optional(),
    until: instant.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.action === 'answer' && !body.text)
      ctx.addIssue({ code: 'custom', message: 'an answer needs its text', path: ['text'] });
    if (body.action === 'snooze' && !body.until)
      ctx.addIssue({ code: 'custom', message: 'snooze needs until', path: ['until'] });
  });

/** A new team and its first admin (`ricochet admin create-team`): names as clean as any other. */
export const newTeam = z
  .object({
    name: visibleText(80),
    adminName: visibleText(80),
    adminEmail: z.email().max(200),
  })
  .strict();

/** What a device calls itself in its person's device list ("Ana's laptop"). */
const deviceName = visibleText(80);

export const joinBody = z
  .object({
    code: z.string().min(1).max(100),
    name: visibleText(80),
    email: z.email().max(200),
    device: deviceName.optional(),
  })
  .strict();

/** A new device signs in with the one-time code a signed-in device of the same person made. */
export const deviceLoginBody = z
  .object({
    code: z.string().min(1).max(20),
    device: deviceName,
  })
  .strict();

export const postsQuery = z
  .object({ before: instant.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();
/** People a board read may be narrowed to (the ones a desktop just started to watch). */
export const BOARD_IDS_MAX = 100;

/** `?ids=a,b,c`: only these people's cards (the rest of the board is not read or sent). */
export const boardQuery = z
  .object({
    ids: z
      .string()
      .max(BOARD_IDS_MAX * 65)
      .transform((text) => text.split(','))
      .pipe(z.array(id).min(1).max(BOARD_IDS_MAX))
      .optional(),
  })
  .strict();

export const syncQuery = z
  .object({
    // The log's sequence is a 32-bit integer on PostgreSQL: larger is refused, not a 500.
    since: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    /** Reading the pages of a snapshot that began with `reset`: no second reset. */
    snapshot: z.literal('1').optional(),
  })
  .strict();

export type ProfilePatch = z.infer<typeof profilePatch>;
export type StatusBody = z.infer<typeof statusBody>;
export type AvailabilityBody = z.infer<typeof availabilityBody>;
/** A desktop collects the token of a single sign-on: the one-time code with its PKCE verifier. */
export const ssoTokenBody = z
  .object({
    code: z.string().min(20).max(200),
    verifier: z.string().min(43).max(128),
    device: deviceName,
  })
  .strict();

/** Where a desktop's single sign-on starts: its loopback address, state and PKCE challenge. */
export const ssoStartQuery = z
  .object({
    redirect: z.url().max(300),
    state: z.string().min(16).max(200),
    challenge: z.string().min(43).max(128),
    org: z.string().max(100).optional(),
  })
  .strict();

export type PostBody = z.infer<typeof postBody>;
export type DeviceLoginBody = z.infer<typeof deviceLoginBody>;
export type AskBody = z.infer<typeof askBody>;
export type AskUpdate = z.infer<typeof askUpdate>;

export { id as idSchema };
