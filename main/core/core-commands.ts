import type { AskUpdate, StatusBody } from '../../shared/protocol/schemas';
import { setRegion } from '../../shared/i18n/locale';
import type { OpenBrowser } from '../calendar/providers/sign-in/open-browser';
import type { CalendarSourceConfig } from '../profile/profile';
import type { CalendarList } from './calendar-list';
import type { NewCalendar } from './calendar-service';
import type { CoreParts, HostingPlace } from './core-parts';
import type { CoreReads } from './core-reads';
import { withDevice } from './my-devices';
import type { Sent } from './outbox-sender';
import type { PostResult } from './posting-commands';
import { checkSettings, type SettingsPatch } from './settings-patch';

/**
 * Everything a front end asks the core to do: sign in and leave, my calendars and settings, posts,
 * status, asks, stars and watches, publishing and sync. Each says what became of it; the core's
 * 'changed' event tells every view.
 */
export class CoreCommands {
  constructor(
    private readonly parts: CoreParts,
    private readonly reads: CoreReads,
  ) {}

  // ── Team ─────────────────────────────────────────────────────────────────────────────

  join(input: { server: string; invite: string; name: string; email: string; device?: string }) {
    return this.signedIn(this.parts.team.join(withDevice(input)));
  }

  /** Signs in with the company's identity provider, in the browser (`open`). */
  loginWithSso(input: { server: string; org?: string; device?: string; open: OpenBrowser }) {
    return this.signedIn(this.parts.team.loginWithSso(withDevice(input)));
  }

  /** Signs this computer in as someone already a member, with a code made on one of their devices. */
  loginWithDeviceCode(input: { server: string; code: string; device?: string }) {
    return this.signedIn(this.parts.team.loginWithDeviceCode(withDevice(input)));
  }

  loginWithToken(input: { server: string; token: string }) {
    return this.signedIn(this.parts.team.loginWithToken(input));
  }

  /** After any way of signing in: a first sync, and my availability for the new team. */
  private async signedIn<T>(signing: Promise<T>): Promise<T> {
    const signed = await signing;
    this.parts.publisher.forget(); // a new team has none of my availability yet, whatever was sent before
    await this.parts.team.refresh();
    await this.publish().catch(() => undefined);
    this.parts.changed();
    return signed;
  }

  leave(): void {
    this.parts.team.leave();
    this.parts.publisher.forget();
    this.parts.setHosting(null);
  }

  /** An admin revokes an invite (the one shown after starting a team, say): it stops working at once. */
  async revokeInvite(code: string): Promise<void> {
    const sync = this.parts.team.sync;
    if (!sync) throw new Error('not in a team');
    await sync.api.revokeInvite(code);
  }

  /** Records (or forgets) the team server this computer hosts, so it starts again with the app. */
  recordHosting(place: HostingPlace | null): void {
    this.parts.setHosting(place);
  }

  /** Adds a device with a one-time code (shown on the new computer's sign-in). */
  addDevice() {
    return this.parts.devices.add();
  }

  /** Signs one of my devices out. */
  removeDevice(id: string) {
    return this.parts.devices.remove(id);
  }

  // ── Calendars and settings ───────────────────────────────────────────────────────────

  addCalendar(input: NewCalendar): Promise<CalendarSourceConfig> {
    return this.parts.calendarList.add(input);
  }

  /** Connects Microsoft 365 or Google: a sign-in in the browser, then the calendar is read. */
  connectCalendar(...args: Parameters<CalendarList['connect']>) {
    return this.parts.calendarList.connect(...args);
  }

  /** Signs a connected calendar in again after its provider ended the sign-in. */
  signInCalendarAgain(...args: Parameters<CalendarList['signInAgain']>) {
    return this.parts.calendarList.signInAgain(...args);
  }

  /** A calendar file chosen in the window, copied into the profile. */
  importCalendar(name: string, text: string) {
    return this.parts.calendarList.import(name, text);
  }

  updateCalendar(...args: Parameters<CalendarList['update']>) {
    return this.parts.calendarList.update(...args);
  }

  /** Removes calendars by id (or its start), file or address; returns how many, with their secrets. */
  removeCalendar(target: string): Promise<number> {
    return this.parts.calendarList.remove(target);
  }

  async updateSettings(patch: SettingsPatch): Promise<void> {
    const checked = checkSettings(patch);
    this.parts.settings.update((c) => {
      const next = { ...c, ...checked };
      if (patch.locale === null) delete next.locale;
      if (patch.clock === null) delete next.clock;
      return next;
    });
    await this.settingsChanged();
  }

  /** After settings changed here or in another process: secrets, profile and availability follow. */
  async settingsChanged(): Promise<void> {
    setRegion(this.parts.systemRegion, this.reads.config.clock);
    this.parts.calendars.pruneSecrets();
    this.parts.changed();
    await this.publish().catch(() => undefined);
  }

  // ── Posts, status, asks, stars, watches ──────────────────────────────────────────────

  /** A quick post or a /command: queued first, sent when the server answers. */
  post(text: string, now = Date.now()): Promise<PostResult> {
    return this.parts.posting.post(text, now);
  }

  updateAsk(askId: string, update: AskUpdate): Promise<Sent> {
    return this.parts.posting.updateAsk(askId, update);
  }

  setStatus(status: StatusBody | null): Promise<Sent> {
    return this.parts.posting.setStatus(status);
  }

  editPost(postId: string, text: string): Promise<Sent> {
    return this.parts.posting.editPost(postId, text);
  }

  deletePost(postId: string): Promise<Sent> {
    return this.parts.posting.deletePost(postId);
  }

  /** Stars someone (their presence then reaches me wherever they work) or unstars them. */
  star(memberId: string, on: boolean): Promise<Sent> {
    return this.parts.outbox.queue({ kind: 'star', memberId, on });
  }

  /** "Notify me when X is free": fires 'free' once, the first time X is free. */
  watchFree(memberId: string): string[] {
    this.parts.watches.watch(memberId);
    return this.parts.watches.watching;
  }

  // ── Publishing and sync ──────────────────────────────────────────────────────────────

  /** One run of the publisher (and my profile), then an attempt to send. */
  async publish(now = Date.now()) {
    const profileQueued = this.parts.team.publishProfile();
    const result = await this.parts.publisher.runOnce(now);
    const sync = this.parts.team.sync;
    const flushed = sync && (result.published || profileQueued) ? await sync.flush() : undefined;
    return { ...result, flushed };
  }

  /** Pull, flush, and the server's topics; never throws for being offline. */
  sync() {
    return this.parts.team.refresh();
  }

  /** Holds the live stream (long-running front ends). */
  startLive(): void {
    this.parts.team.startLive();
  }

  stopLive(): void {
    this.parts.team.stopLive();
  }

  /** After a sleep or a lock: sync now, and ask calendar providers for changes at the next reading. */
  resync(): void {
    this.parts.team.sync?.resync();
    this.parts.calendars.wake();
  }
}
