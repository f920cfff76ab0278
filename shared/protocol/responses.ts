import { z } from 'zod';
import { askSchema, availabilityData, memberData, postData, statusData, syncPageSchema } from './changes';

/**
 * Every answer of the team server, one schema each. The server serialises through them (a
 * field not in the schema never leaves it, so an email stays private without anyone having to
 * remember it), the client parses with them, and the OpenAPI document is generated from them.
 */
/** What every refusal looks like: a code and a sentence. */
export const errorBody = z.object({ error: z.string(), message: z.string() });

export const healthResponse = z.object({ ok: z.boolean(), database: z.enum(['sqlite', 'postgres']) });

export const teamData = z.object({ id: z.string(), name: z.string() });

/**
 * The calendar apps an organisation's admin registered (one per tenant), offered to every
 * member's "Connect Microsoft 365" and "Connect Google": ids, never a token. Google's desktop
 * clients carry a secret Google itself calls not secret; it is sent to members for that reason.
 */
const endpoint = z.url({ protocol: /^https$/ }).max(500);
export const calendarAppsData = z.object({
  microsoft: z
    .object({
      clientId: z.string().min(1).max(200),
      tenant: z.string().max(200).optional(),
      /** A national cloud's (or a test's) sign-in and Graph addresses. */
      authority: endpoint.optional(),
      graph: endpoint.optional(),
    })
    .nullable(),
  google: z
    .object({
      clientId: z.string().min(1).max(200),
      clientSecret: z.string().max(200).optional(),
      authUrl: endpoint.optional(),
      tokenUrl: endpoint.optional(),
      api: endpoint.optional(),
    })
    .nullable(),
});
export type CalendarAppsData = z.infer<typeof calendarAppsData>;
/** An organisation whose admin set no calendar app (or a profile outside any). */
export const noCalendarApps: CalendarAppsData = { microsoft: null, google: null };

/** The caller, the only member whose email is ever sent (to themselves). */
export const selfData = memberData.extend({ email: z.string() });

export const joinResponseSchema = z.object({ token: z.string().min(20), member: selfData, team: teamData });
export const meResponse = selfData.extend({ team: teamData });
/** A token from single sign-on, and when it ends unless renewed. */
export const ssoTokenResponse = joinResponseSchema.extend({ expiresAt: z.string() });
export const ssoRenewResponse = z.object({ expiresAt: z.string() });
/** The identity provider an organisation signs in with. */
export const ssoAvailableResponse = z.object({ organisation: z.string(), issuer: z.string() });

export const boardMemberData = memberData.extend({
  status: statusData.nullable(),
  availability: availabilityData.nullable(),
  latestPost: postData.nullable(),
  topics: z.array(z.string()).max(5),
});
export const boardResponse = z.object({ members: z.array(boardMemberData) });
/** The board narrowed to presence: what a newly watched person is doing now. */
export const presenceResponse = z.object({
  members: z.array(boardMemberData.pick({ id: true, status: true, availability: true })),
});
export type Presence = z.infer<typeof presenceResponse>['members'];
export const postsResponse = z.object({ posts: z.array(postData) });
export const asksResponse = z.object({ asks: z.array(askSchema) });
export const inviteResponse = z.object({
  code: z.string(),
  uses: z.number().nullable(),
  expiresAt: z.string().nullable(),
});

/** A one-time code that signs a new device in as the same person, and when it stops working. */
export const deviceCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });
/** One of my devices: a token's public id, never the token. */
export const deviceData = z.object({
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  /** The device asking. */
  current: z.boolean(),
});
/** Devices one person may hold at once: what one member sends stays bounded (availability per device). */
export const MAX_DEVICES = 20;
export const devicesResponse = z.object({ devices: z.array(deviceData).max(MAX_DEVICES) });
export type DeviceData = z.infer<typeof deviceData>;

export { askSchema, availabilityData, memberData, postData, statusData, syncPageSchema };
export type BoardMemberData = z.infer<typeof boardMemberData>;
export type JoinResponse = z.infer<typeof joinResponseSchema>;
