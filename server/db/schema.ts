import type { Generated } from 'kysely';

/**
 * The server's tables. Times are ISO strings and JSON is text in both SQLite and
 * PostgreSQL, so one set of migrations and queries serves both.
 */
export interface Database {
  teams: {
    id: string;
    name: string;
    seq: Generated<number>;
    created_at: string;
    /** Tombstones up to this sequence were pruned: an older cursor gets a snapshot (sync `reset`). */
    compacted_to: Generated<number>;
    /** The organisation's calendar apps (calendarAppsData as JSON), or null before an admin sets them. */
    calendar_apps: string | null;
    /** The hash of the secret the company's directory (SCIM) sends; null: no directory sync. */
    scim_secret_hash: Generated<string | null>;
    /** The organisation's identity provider (ssoConfig as JSON), or null: invites only. */
    sso: Generated<string | null>;
  };
  members: {
    id: string;
    team_id: string;
    name: string;
    email: string;
    role: 'admin' | 'member';
    profile: string;
    created_at: string;
    removed_at: string | null;
    /** 1: sees the whole organisation (no teams yet, or left unplaced by the admin); never implied. */
    whole_organisation: Generated<number>;
    /** 1: a profile edit stored and held back, not yet in the log (see ProfileCoalescer). */
    profile_pending: Generated<number>;
    /** The directory's id for this person (SCIM externalId), when the directory made them. */
    external_id: Generated<string | null>;
  };
  /** One per device: a token's public id and name, so it can be listed and revoked. */
  tokens: {
    hash: string;
    member_id: string;
    created_at: string;
    revoked_at: string | null;
    device_id: string;
    device_name: string | null;
    /** Updated at most hourly: "last seen" in the device list. */
    last_seen_at: string | null;
    /** A token from single sign-on ends then unless renewed; null: never (invites, device codes). */
    expires_at: Generated<string | null>;
    /** The provider's refresh token, to renew while the provider still accepts the person. */
    refresh_token: Generated<string | null>;
  };
  /** A sign-in under way: what the browser's return is checked against (state hashed; minutes). */
  sso_logins: {
    state_hash: string;
    team_id: string;
    code_verifier: string;
    nonce: string;
    callback: string;
    redirect: string;
    challenge: string;
    expires_at: string;
  };
  /** A one-time code that hands a desktop its token, bound to the desktop's PKCE challenge. */
  sso_handoffs: {
    code_hash: string;
    member_id: string;
    challenge: string;
    refresh_token: string | null;
    expires_at: string;
  };
  /** A one-time code a signed-in device made for a new one (hashed; valid minutes). */
  device_codes: { hash: string; member_id: string; expires_at: string; created_at: string };
  /** Each device's last published availability (availabilityBody as JSON); joined into `availability`. */
  device_availability: { device_id: string; member_id: string; data: string; updated_at: string };
  invites: {
    hash: string;
    team_id: string;
    /** The team (group) a joiner enters; null: the organisation only. */
    group_id: string | null;
    uses_left: number | null;
    expires_at: string | null;
    created_at: string;
  };
  statuses: {
    member_id: string;
    state: string | null;
    emoji: string | null;
    text: string | null;
    until: string | null;
    updated_at: string;
  };
  availability: {
    member_id: string;
    window_from: string;
    window_to: string;
    busy: string;
    load_today: number | null;
    load_week: number | null;
    titles: string | null;
    /** Where the member works, as published (JSON), or null when their calendars say nothing. */
    places: string | null;
    updated_at: string;
    /** Since when the member's calendar could not be read (what is published may be old). */
    stale_since: string | null;
  };
  posts: {
    id: string;
    team_id: string;
    member_id: string;
    text: string;
    tags: string;
    created_at: string;
    deleted_at: string | null;
    kind: string;
    /** JSON list of the member ids the post names: they see it outside the author's teams. */
    mentioned: string | null;
    /** JSON list of everyone the post ever named (its edits too): those it stopped naming get a tombstone. */
    reached: string | null;
  };
  asks: {
    id: string;
    team_id: string;
    from_member: string;
    to_member: string;
    text: string;
    created_at: string;
    deliver_at: string;
    waits_for: string | null;
    delivered_at: string | null;
    seen_at: string | null;
    state: string;
    answer: string | null;
    snoozed_until: string | null;
    /** 1 when its author marked it urgent. */
    urgent: number;
  };
  /**
   * The teams people see (a squad, a chapter, a project): groups of the organisation's people.
   * In this schema a "team" (`teams`, `team_id`) is the organisation: its people, its log.
   */
  groups: {
    id: string;
    team_id: string;
    name: string;
    created_at: string;
    /** The directory's id for this team (SCIM externalId). */
    external_id: Generated<string | null>;
    /** The directory deleted it: empty, and out of every list. */
    deleted_at: Generated<string | null>;
  };
  group_members: { group_id: string; member_id: string };
  /** People a member watches from anywhere in the organisation (private to that member). */
  stars: { member_id: string; star_id: string; created_at: string };
  changes: {
    team_id: string;
    seq: number;
    kind: string;
    member_id: string;
    entity_id: string;
    at: string;
    data: string;
    /** The length of `data`: sync pages are bounded in bytes by it. */
    size: Generated<number>;
    /** JSON list of the member ids who may see this change; null: the whole team. */
    audience: string | null;
    /** A post's: JSON list of everyone it ever named (reach.ts: `reached`); else null. */
    mentioned: string | null;
  };
}
