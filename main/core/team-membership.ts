import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { v7 as uuidv7 } from 'uuid';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import type { Change, MemberProfile } from '../../shared/protocol/changes';
import type { LocalCache } from '../cache/local-cache';
import { readGroups } from '../cache/cache-queries';
import { teamsOf } from '../../shared/people/my-teams';
import type { ProfileConfig } from '../profile/profile';
import type { SecretStore } from '../profile/secret-store';
import { SyncClient, type ChangesHow, type FlushResult } from '../sync/sync-client';
import { TeamApi, TeamApiError } from '../sync/team-api';
import { serverAddress } from '../sync/server-address';
import type { OpenBrowser } from '../calendar/providers/sign-in/open-browser';
import { signInWithCompany } from './company-sign-in';
import type { CoreState, Identity, StateValue } from '../cache/core-state';

const TOKEN = 'token';
/** A token from single sign-on is renewed at most once a day (it lasts weeks). */
const RENEW_EVERY_MS = 86_400_000;

/**
 * Who I am in which team, and the sync client that keeps the cache in step with it. Emits
 * 'changed' when the cache or the connection changed and 'changes' with applied log rows.
 */
export class TeamMembership extends EventEmitter {
  private client: SyncClient | undefined;
  private readonly setIdentity: (value: StateValue<'identity'>) => void;
  private readonly setProfileHash: (value: StateValue<'profileHash'>) => void;
  private live = false;
  /** The server refused this token on the last pull (the member was removed or the token rotated). */
  private refusedPull = false;
  /** Settings following my profile from another device, awaited by a refresh. */
  private following: Promise<void> | undefined;

  constructor(
    private readonly cache: LocalCache,
    private readonly state: CoreState,
    private readonly secrets: SecretStore,
    private readonly config: () => ProfileConfig,
    /** The person's profile as the server keeps it becomes this device's settings. */
    private readonly adoptProfile: (profile: MemberProfile) => void,
  ) {
    super();
    this.setIdentity = state.writer('identity');
    this.setProfileHash = state.writer('profileHash');
  }

  get identity(): Identity | undefined {
    return this.state.read('identity') ?? undefined;
  }

  /**
   * The server no longer knows me by this token: I was removed from the team, or my token was
   * revoked. Said as such, not as "offline" (which waiting would cure).
   */
  get removed(): boolean {
    return this.refusedPull || this.client?.connection === 'unauthorized';
  }

  /** The sync client once this profile has joined a team and holds its token. */
  get sync(): SyncClient | undefined {
    const identity = this.identity;
    const token = this.secrets.get(TOKEN);
    if (!this.client && token && identity) {
      this.client = new SyncClient({ cache: this.cache, server: identity.server, token });
      this.client.on('change', () => this.emit('changed'));
      this.client.on('changes', (changes: Change[], how: ChangesHow) => {
        this.followMyProfile(changes);
        this.emit('changes', changes, how);
      });
      this.client.on('connection', () => this.emit('changed'));
      if (this.live) this.client.start();
    }
    return this.client;
  }

  async join(input: { server: string; invite: string; name: string; email: string; device: string }) {
    const server = serverAddress(input.server).url;
    const joined = await new TeamApi(server, undefined).join({
      code: input.invite,
      name: input.name,
      email: input.email,
      device: input.device,
    });
    this.adopt(server, joined.token, { ...joined.member, team: joined.team });
    return joined;
  }

  /** Signs this computer in as someone already a member, with a code from one of their devices. */
  async loginWithDeviceCode(input: { server: string; code: string; device: string }) {
    const server = serverAddress(input.server).url;
    const signed = await new TeamApi(server, undefined).redeemDeviceCode({
      code: input.code,
      device: input.device,
    });
    this.adopt(server, signed.token, { ...signed.member, team: signed.team });
    return signed;
  }

  /** Logs in with a token someone already holds (the team's creator, a rotated token). */
  async loginWithToken(input: { server: string; token: string }) {
    const server = serverAddress(input.server).url;
    const who = await new TeamApi(server, input.token).whoAmI();
    this.adopt(server, input.token, who);
    return who;
  }

  /** Signs in with the company's identity provider (the browser), as a member found or made by email. */
  async loginWithSso(input: { server: string; org?: string; device: string; open: OpenBrowser }) {
    const server = serverAddress(input.server).url;
    const signed = await signInWithCompany({ ...input, server });
    const now = new Date().toISOString();
    this.adopt(
      server,
      signed.token,
      { ...signed.member, team: signed.team },
      { expiresAt: signed.expiresAt, renewedAt: now },
    );
    return signed;
  }

  /**
   * Signed in with the company's account and no longer accepted (the person left, or the token
   * ran out): "sign in again", not "removed from the team".
   */
  get signInAgain(): boolean {
    return !!this.identity?.session && this.removed;
  }

  /**
   * Renews a token from single sign-on once a day while the provider accepts me; when it
   * refuses, the server ends the token and this says "sign in again".
   */
  private async renewSession(sync: SyncClient) {
    const identity = this.identity;
    if (!identity?.session) return;
    if (Date.now() - Date.parse(identity.session.renewedAt) < RENEW_EVERY_MS) return;
    const renewed = await sync.api.ssoRenew().catch((error: Error) => {
      // Refused: the token ended (sign in again). Unreachable: the next refresh tries again.
      if (error instanceof TeamApiError && error.status === 401) throw error;
      return null;
    });
    if (!renewed) return;
    this.setIdentity({
      ...identity,
      session: { expiresAt: renewed.expiresAt, renewedAt: new Date().toISOString() },
    });
  }

  private adopt(
    server: string,
    token: string,
    who: {
      id: string;
      name: string;
      teamId: string;
      email: string;
      profile: MemberProfile;
      team: { id: string; name: string };
    },
    session?: { expiresAt: string; renewedAt: string },
  ) {
    if (this.identity && this.identity.team.id !== who.team.id) this.forget();
    this.stopClient();
    this.secrets.set(TOKEN, token);
    this.setIdentity({
      server: server.replace(/\/$/, ''),
      member: { id: who.id, name: who.name, teamId: who.teamId, email: who.email },
      team: who.team,
      ...(session ? { session } : {}),
    });
    this.setProfileHash(null);
    // A person already known (another device, a token from an admin) brings their zone and
    // hours: this device starts from them and never sends its defaults over them.
    this.follow(who.profile);
    this.publishProfile();
    this.emit('changed');
  }

  /**
   * My profile changed on another device: this one's settings follow the profile the server
   * keeps now (not the logged one: an edit in a burst is held out of the log a moment), unless
   * an edit made here is still on its way (it is the newer one).
   */
  private followMyProfile(changes: Change[]) {
    const me = this.identity?.member.id;
    if (!changes.some((c) => c.kind === 'member' && c.entityId === me)) return;
    const following = this.client?.api
      .whoAmI()
      .then((now) => {
        if (this.cache.outbox().some((c) => c.command.kind === 'profile')) return;
        if (this.follow(now.profile)) this.emit('changed');
      })
      .catch(() => undefined);
    this.following = following;
  }

  /** Takes the person's profile as this device's settings; whether anything changed. */
  private follow(profile: MemberProfile): boolean {
    if (!profile.timezone && !profile.workingHours) return false;
    const before = this.state.read('profileHash');
    this.adoptProfile(profile);
    this.setProfileHash(hashOf(this.profile()));
    return before !== this.state.read('profileHash');
  }

  /** Leaves the team on this computer: forgets the token and the team's data. */
  leave(): void {
    this.forget();
    this.emit('changed');
  }

  private forget() {
    this.stopClient();
    this.secrets.delete(TOKEN);
    this.setIdentity(null);
    this.setProfileHash(null);
    this.cache.clearTeam();
  }

  private stopClient() {
    this.client?.stop();
    this.client?.removeAllListeners();
    this.client = undefined;
  }

  /** Holds the live stream while a long-running front end is open. */
  startLive(): void {
    this.live = true;
    this.sync?.start();
  }

  stopLive(): void {
    this.live = false;
    this.client?.stop();
  }

  /** Pull, flush, and the server's topics; never throws for being offline. */
  async refresh(): Promise<(FlushResult & { pulled: number }) | { error: string }> {
    const sync = this.sync;
    if (!sync) return { error: 'not in a team yet: run ricochet login' };
    try {
      await this.renewSession(sync);
      const result = await sync.syncOnce();
      await this.following;
      // Topics come from posts, which stay in their teams: only my teammates can have any.
      const me = this.identity?.member.id;
      const mates = new Set(teamsOf(readGroups(this.cache), me).flatMap((t) => t.members));
      this.cache.setTopics(await sync.api.topics(mates.size > 0 ? [...mates] : undefined));
      this.refusedPull = false;
      return result;
    } catch (error) {
      this.refusedPull = error instanceof TeamApiError && error.status === 401;
      return { error: (error as Error).message };
    }
  }

  /**
   * My zone and working hours, so teammates see my local time and "off, back at 09:00":
   * queued whenever they differ from what was last sent.
   */
  publishProfile(): boolean {
    if (!this.identity) return false;
    const profile = this.profile();
    const hash = hashOf(profile);
    if (this.state.read('profileHash') === hash) return false;
    this.cache.enqueue(uuidv7(), { kind: 'profile', profile });
    this.setProfileHash(hash);
    return true;
  }

  /** What this device's settings say of me, as the server keeps it. */
  private profile() {
    const config = this.config();
    return {
      timezone: config.tz,
      workingHours: parseWorkingHours(config.hours),
      role: config.role,
      skills: config.skills,
    };
  }

  close(): void {
    this.stopClient();
  }
}

const hashOf = (profile: object) => createHash('sha256').update(JSON.stringify(profile)).digest('hex');
