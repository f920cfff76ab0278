import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { UNTIL_CHANGED } from '../../shared/asks/ask-delivery';
import type { HeadsUp } from '../../shared/asks/decision-heads-ups';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import type { Locale } from '../../shared/i18n/status-messages';
import { translate } from '../../shared/i18n/translate';
import { type AskUpdate, type StatusBody } from '../../shared/protocol/schemas';
import type { Ask } from '../../shared/protocol/changes';
import { extractMentions, parseQuickPost, type QuickPost } from '../../shared/quick-post/parse-quick-post';
import { resolveMention } from '../../shared/people/find-person';
import { isoInstant } from '../../shared/time/zoned-time';
import { readAsks, type BoardMember } from '../cache/cache-queries';
import type { LocalCache } from '../cache/local-cache';
import type { ProfileConfig } from '../profile/profile';
import type { Delivery, OutboxSender, Sent } from './outbox-sender';
import { askArrival, headsUpsFor, planAsk } from './asks-and-decisions';
import type { TeamMembership } from './team-membership';

/** Who wrote a post kept on this desk before joining a team. */
export const LOCAL_ME = 'me';

export type { Delivery } from './outbox-sender';

export interface PostResult {
  parsed: QuickPost;
  delivered: Delivery;
  detail?: string;
  /** For /ask: who, and when it reaches them ("Your ask reaches Ana at 15:30, after a meeting"). */
  ask?: { id: string; to: string; deliverAt: string; message: string };
  /** For /decide: what conflicts for the people it names. */
  headsUps?: HeadsUp[];
}

/** What the posting commands need from the session; the façade hands them in. */
export interface PostingPorts {
  cache: LocalCache;
  team: TeamMembership;
  config: () => Readonly<ProfileConfig>;
  /** The language to answer in (the session's one rule). */
  locale: () => Locale;
  me: () => { id: string; name: string; teamId: string } | undefined;
  members: () => BoardMember[];
  changed: () => void;
  outbox: OutboxSender;
}

/**
 * Posts, /commands, status, asks and edits: each becomes a typed outbox command first (the
 * OutboxSender), so nothing acknowledged is lost offline, then one flush says what became of it.
 * Only DesktopCore calls these; front ends go through the façade.
 */
export class PostingCommands {
  private readonly cache: LocalCache;
  private readonly team: TeamMembership;
  private readonly outbox: OutboxSender;

  constructor(private readonly ports: PostingPorts) {
    this.cache = ports.cache;
    this.team = ports.team;
    this.outbox = ports.outbox;
  }

  private get config() {
    return this.ports.config();
  }

  private get me() {
    return this.ports.me();
  }

  private members() {
    return this.ports.members();
  }

  private changed() {
    this.ports.changed();
  }

  /** A quick post or a /command: queued first, sent when the server answers. */
  async post(text: string, now = Date.now()): Promise<PostResult> {
    // One read of settings and identity per post (each is a file stat or a cache query).
    const config = this.config;
    const me = this.me;
    const locale = this.ports.locale();
    const parsed = parseQuickPost(text, {
      now,
      tz: config.tz,
      hours: parseWorkingHours(config.hours),
      locale,
    });
    if (parsed.kind === 'error') return { parsed, delivered: 'rejected', detail: parsed.message };
    if (parsed.kind === 'ask') {
      if (!me) return { parsed, delivered: 'rejected', detail: translate(locale, 'ask.needsTeam') };
      const planned = planAsk(this.members(), parsed.to, me.id, now);
      // Urgent: it goes now whatever the person is doing, as the server will deliver it.
      const plan =
        parsed.urgent && !planned.error ? { ...planned, delivery: { at: now, waitsFor: null } } : planned;
      if (plan.error)
        return {
          parsed,
          delivered: 'rejected',
          detail: translate(locale, plan.error.key, plan.error.params),
        };
      const id = randomUUID();
      this.cache.enqueue(id, {
        kind: 'ask',
        id,
        to: plan.member.id,
        text: parsed.text,
        ...(parsed.urgent ? { urgent: true } : {}),
      });
      this.changed();
      const sent = await this.send();
      if (sent.delivered === 'sent') await this.team.refresh();
      // The server's time is the one that counts (it has the latest data); mine says it offline.
      const confirmed = this.asks().find((a) => a.id === id);
      const delivery = confirmed
        ? { at: Date.parse(confirmed.deliverAt), waitsFor: confirmed.waitsFor }
        : plan.delivery;
      return {
        parsed,
        ...sent,
        ask: {
          id,
          to: plan.member.name,
          deliverAt: isoInstant(Math.min(delivery.at, UNTIL_CHANGED)),
          // Not sent yet: the time it would arrive is a guess from old data; say what happens instead.
          message:
            sent.delivered === 'queued'
              ? translate(locale, 'ask.queued', { name: plan.member.name })
              : askArrival(plan.member.name, delivery, now, locale, config.tz),
        },
      };
    }
    if (parsed.kind === 'post' || parsed.kind === 'decision') {
      const decision = parsed.kind === 'decision';
      const headsUps = decision
        ? headsUpsFor(parsed.mentions, parsed.text, this.members(), now, config.tz, locale)
        : [];
      const post = {
        id: uuidv7(),
        memberId: me?.id ?? LOCAL_ME,
        text: parsed.text,
        tags: parsed.tags,
        createdAt: new Date(now).toISOString(),
        ...(decision ? { kind: 'decision' as const } : {}),
      };
      this.cache.addPendingPost(post);
      if (me)
        this.cache.enqueue(post.id, {
          kind: 'post',
          id: post.id,
          text: post.text,
          ...(decision ? { decision } : {}),
          mentions: this.named(parsed.mentions),
        });
      this.changed();
      if (!me) return { parsed, delivered: 'local', headsUps };
      return { parsed, ...(await this.send()), headsUps };
    }
    if (me)
      this.cache.enqueue(uuidv7(), {
        kind: 'status',
        status:
          parsed.kind === 'clear'
            ? null
            : {
                state: parsed.state,
                emoji: parsed.emoji ?? undefined,
                text: parsed.text ?? undefined,
                until: parsed.until === null ? null : isoInstant(parsed.until),
              },
      });
    this.changed();
    if (!me) return { parsed, delivered: 'local' };
    return { parsed, ...(await this.send()) };
  }

  /** What a decision would warn about, before it goes out (the box shows it; post anyway). */
  previewDecision(text: string, now = Date.now()) {
    const locale = this.ports.locale();
    const parsed = parseQuickPost(text, { now, tz: this.config.tz, locale });
    if (parsed.kind !== 'decision') return [];
    return headsUpsFor(parsed.mentions, parsed.text, this.members(), now, this.config.tz, locale);
  }

  /** My asks: to me (once delivered) and from me, newest first. */
  asks(): Ask[] {
    return readAsks(this.cache);
  }

  /** I read, answer, snooze or dismiss an ask to me (queued like everything else). */
  updateAsk(askId: string, update: AskUpdate): Promise<Sent> {
    return this.outbox.queue({ kind: 'ask-update', askId, update });
  }

  async setStatus(status: StatusBody | null): Promise<Sent> {
    if (!this.me) return { delivered: 'local', detail: 'not in a team yet' };
    this.cache.enqueue(uuidv7(), { kind: 'status', status });
    this.changed();
    return this.send();
  }

  editPost(postId: string, text: string): Promise<Sent> {
    return this.outbox.queue({
      kind: 'edit-post',
      postId,
      text,
      mentions: this.named(extractMentions(text)),
    });
  }

  /**
   * Whom @mentions name, anywhere in the organisation (the post reaches them too); a handle that
   * names nobody or several people names no one (the post says so on screen, as typed).
   */
  private named(handles: readonly string[]): string[] {
    const everyone = this.members();
    return handles.flatMap((handle) => {
      const found = resolveMention(handle, everyone);
      return 'error' in found || found.id === this.me?.id ? [] : [found.id];
    });
  }

  deletePost(postId: string): Promise<Sent> {
    return this.outbox.queue({ kind: 'delete-post', postId });
  }

  private send() {
    return this.outbox.send();
  }
}
