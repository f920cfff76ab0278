import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import { groupData, starsData, type StreamMessage } from '../../shared/protocol/changes';
import type { Database } from '../db/schema';
import { readTail, toChange } from '../store/change-log';
import type { ChangeRow } from '../store/appended-rows';
import { audienceList, freeBusyOnly } from '../../shared/protocol/changes';
import { mentionedList, type Sight } from '../store/visibility';
import { Watchers } from './watchers';

interface Org {
  sockets: Set<WebSocket>;
  /** Connected viewers and their streams. */
  viewers: Map<string, Set<WebSocket>>;
  /** Connected viewers in no team (they see the whole organisation). */
  loose: Set<string>;
  watchers: Watchers;
  sent: number;
  queue: Promise<void>;
}

type Row = ChangeRow;

/** Rows that take the sequence on from `sent`, one by one. */
const follows = (rows: readonly Row[] | undefined, sent: number): rows is readonly Row[] =>
  !!rows?.length && rows.every((row, i) => Number(row.seq) === sent + 1 + i);

/**
 * Fans an organisation's changes out to the live streams that may see them (visibility.ts):
 * presence to its watchers, posts to the author's teams, an ask to its two people, who is in
 * the organisation to everyone. It goes by the log, never by what a request meant to do: told
 * that the log grew (by this instance, or another through PostgreSQL NOTIFY), it pushes the rows
 * after the last sequence it sent, in order, once; read from the log, or, when this instance's
 * write committed exactly those next rows, as committed. Each message names the one this
 * stream had before (`after`), so a client tells a hole it was not meant to see from a gap.
 */
export class ChangeHub {
  private readonly orgs = new Map<string, Org>();
  private readonly loading = new Map<string, Promise<Org>>();
  private readonly viewerOf = new WeakMap<WebSocket, string>();
  private readonly after = new WeakMap<WebSocket, number>();
  /** Each member's open streams, oldest first: a member holds at most STREAMS_PER_MEMBER. */
  private readonly byMember = new Map<string, WebSocket[]>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a stream and answers the cursor it starts from. */
  async subscribe(orgId: string, socket: WebSocket, memberId: string): Promise<number> {
    this.viewerOf.set(socket, memberId);
    const mine = [...(this.byMember.get(memberId) ?? []), socket];
    // A few devices and windows each; past that the oldest goes (a leak or a flood, not a person).
    while (mine.length > STREAMS_PER_MEMBER) mine.shift()!.close(4429, 'too many streams for this member');
    this.byMember.set(memberId, mine);
    socket.once('close', () => {
      const left = (this.byMember.get(memberId) ?? []).filter((s) => s !== socket);
      if (left.length > 0) this.byMember.set(memberId, left);
      else this.byMember.delete(memberId);
    });
    const org = await this.org(orgId);
    const stars = await this.db
      .selectFrom('stars')
      .select('star_id')
      .where('member_id', '=', memberId)
      .execute();
    if (socket.readyState !== socket.OPEN) return org.sent;
    let streams = org.viewers.get(memberId);
    if (!streams) {
      org.viewers.set(memberId, (streams = new Set()));
      org.watchers.setStars(
        memberId,
        stars.map((s) => s.star_id),
      );
      if (org.watchers.loose(memberId)) org.loose.add(memberId);
    }
    streams.add(socket);
    org.sockets.add(socket);
    this.after.set(socket, org.sent);
    socket.once('close', () => {
      org.sockets.delete(socket);
      streams.delete(socket);
      if (streams.size === 0 && org.viewers.get(memberId) === streams) {
        org.viewers.delete(memberId);
        org.loose.delete(memberId);
        org.watchers.forget(memberId);
      }
      if (org.sockets.size === 0 && this.orgs.get(orgId) === org) this.orgs.delete(orgId);
    });
    return org.sent;
  }

  /** The organisation's live state, loaded once however many streams subscribe at the same time. */
  private async org(orgId: string): Promise<Org> {
    const known = this.orgs.get(orgId);
    if (known) return known;
    let pending = this.loading.get(orgId);
    if (!pending) {
      pending = (async () => {
        const row = await this.db
          .selectFrom('teams')
          .select('seq')
          .where('id', '=', orgId)
          .executeTakeFirstOrThrow();
        const watchers = await Watchers.load(this.db, orgId);
        const org: Org = {
          sockets: new Set(),
          viewers: new Map(),
          loose: new Set(),
          watchers,
          sent: Number(row.seq),
          queue: Promise.resolve(),
        };
        this.orgs.set(orgId, org);
        return org;
      })().finally(() => this.loading.delete(orgId));
      this.loading.set(orgId, pending);
    }
    return pending;
  }

  /**
   * An organisation's log grew: push what its streams have not had yet. `rows`: what a write of
   * this instance appended, as committed; sent as they are when they follow what was sent last
   * (nothing in between), else the log is read.
   */
  changed(orgId: string, rows?: readonly Row[]): Promise<void> {
    const org = this.orgs.get(orgId);
    if (!org) return Promise.resolve();
    org.queue = org.queue.then(() => this.flush(orgId, org, rows)).catch(() => {});
    return org.queue;
  }

  /** A removed member's streams close at once (their token no longer opens a new one). */
  closeMember(memberId: string, code = 4401, reason = 'no longer a member of this team'): void {
    for (const socket of this.byMember.get(memberId) ?? []) socket.close(code, reason);
  }

  get streamCount(): number {
    let n = 0;
    for (const org of this.orgs.values()) n += org.sockets.size;
    return n;
  }

  closeAll(code = 1001, reason = 'server shutting down'): void {
    for (const org of this.orgs.values()) for (const socket of org.sockets) socket.close(code, reason);
  }

  private async flush(orgId: string, org: Org, known?: readonly Row[]) {
    for (;;) {
      const page = follows(known, org.sent)
        ? { rows: known, more: false }
        : await readTail(this.db, orgId, org.sent);
      for (const row of page.rows) {
        this.follow(org, row);
        this.deliver(org, row);
        org.sent = Number(row.seq);
      }
      if (!page.more) return;
    }
  }

  /** Team and stars changes move who watches whom, from this row on. */
  private follow(org: Org, row: Row) {
    if (row.kind === 'group') {
      const group = groupData.safeParse(JSON.parse(row.data));
      if (!group.success) return;
      org.watchers.setGroup(group.data.id, group.data.members);
      org.loose = new Set([...org.viewers.keys()].filter((v) => org.watchers.loose(v)));
    } else if (row.kind === 'stars' && org.viewers.has(row.member_id)) {
      const stars = starsData.safeParse(JSON.parse(row.data));
      if (stars.success) org.watchers.setStars(row.member_id, stars.data.ids);
    }
  }

  private deliver(org: Org, row: Row) {
    const targets = this.targets(org, row);
    if (targets.size === 0) return;
    // Encoded once per way of seeing it (in full, or without titles), not once per stream.
    const change = toChange(row);
    const full = JSON.stringify(change);
    let outside: string | undefined;
    for (const [viewer, seen] of targets) {
      let text = full;
      if (seen === 'outside' && change.kind === 'availability') {
        text = outside ??= JSON.stringify({ ...change, data: freeBusyOnly(change.data) });
      }
      for (const socket of org.viewers.get(viewer) ?? []) {
        if (socket.readyState !== socket.OPEN) continue;
        if (socket.bufferedAmount > STREAM_BEHIND_BYTES) {
          dropBehind(socket);
          continue;
        }
        socket.send(`{"type":"change","after":${this.after.get(socket) ?? 0},"change":${text}}`);
        this.after.set(socket, Number(row.seq));
      }
    }
  }

  private targets(org: Org, row: Row): Map<string, Sight> {
    if (row.audience) {
      const seen = new Map<string, Sight>();
      for (const id of audienceList.parse(JSON.parse(row.audience)))
        if (org.viewers.has(id)) seen.set(id, 'full');
      return seen;
    }
    if (
      row.kind === 'status' ||
      row.kind === 'availability' ||
      row.kind === 'post' ||
      row.kind === 'post-deleted'
    ) {
      const presence = row.kind === 'status' || row.kind === 'availability';
      const seen = org.watchers.audienceOf(row.member_id, presence, org.viewers, org.loose);
      // A post reaches the people it names, wherever they work.
      if (row.mentioned)
        for (const id of mentionedList.parse(JSON.parse(row.mentioned)))
          if (org.viewers.has(id)) seen.set(id, 'full');
      return seen;
    }
    return new Map([...org.viewers.keys()].map((v) => [v, 'full' as const]));
  }
}

/** Open streams per member: their devices and windows, with room to spare. */
export const STREAMS_PER_MEMBER = 8;

/**
 * A stream whose socket holds this much unsent data (a slow link, a client that stopped
 * reading) is behind: the server does not buffer for it without limit, nor slow the others.
 */
export const STREAM_BEHIND_BYTES = 4 * 1024 * 1024;

/** Told why, then closed: the client reconnects and catches up through /v1/sync. */
function dropBehind(socket: WebSocket) {
  const message: StreamMessage = {
    type: 'error',
    error: 'behind',
    message: 'this stream fell behind; catch up through /v1/sync',
  };
  socket.send(JSON.stringify(message));
  socket.close(4008, 'behind');
}
