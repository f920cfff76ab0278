import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import {
  audienceList,
  groupData,
  starsData,
  type ChangeKind,
  type StreamMessage,
} from '../../shared/protocol/changes';
import { reach, sight, type Sight } from '../../shared/protocol/reach';
import type { Database } from '../db/schema';
import { readTail, seenAs, toChange } from '../store/change-log';
import type { ChangeRow } from '../store/appended-rows';
import { mentionedList } from '../store/visibility';
import { Watchers } from './watchers';

interface Org {
  sockets: Set<WebSocket>;
  /** Connected viewers and their streams. */
  viewers: Map<string, Set<WebSocket>>;
  /** Connected viewers who see the whole organisation (a state of their own, not "in no team"). */
  wholeOrganisation: Set<string>;
  watchers: Watchers;
  sent: number;
  queue: Promise<void>;
  /** Flushes queued and not finished. */
  pending: number;
}

type Row = ChangeRow;

/** Rows that take the sequence on from `sent`, one by one. */
const follows = (rows: readonly Row[] | undefined, sent: number): rows is readonly Row[] =>
  !!rows?.length && rows.every((row, i) => Number(row.seq) === sent + 1 + i);

/**
 * Fans an organisation's changes out to the live streams that may see them, by the reach table
 * (shared/protocol/reach.ts): presence to its watchers, posts to the author's teams and the
 * people they name, an ask to its two people, who is in the organisation to everyone. A
 * removal closes the removed person's streams before any later row goes out. It goes by the log, never by what a request meant to do: told
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
    const me = await this.db
      .selectFrom('members')
      .select(['whole_organisation', 'removed_at'])
      .where('id', '=', memberId)
      .executeTakeFirst();
    if (!me || me.removed_at) socket.close(4401, 'no longer a member of this organisation');
    if (socket.readyState !== socket.OPEN) return org.sent;
    let streams = org.viewers.get(memberId);
    if (!streams) {
      org.viewers.set(memberId, (streams = new Set()));
      org.watchers.setStars(
        memberId,
        stars.map((s) => s.star_id),
      );
      if (Number(me?.whole_organisation) === 1) org.wholeOrganisation.add(memberId);
    }
    streams.add(socket);
    org.sockets.add(socket);
    this.after.set(socket, org.sent);
    socket.once('close', () => {
      org.sockets.delete(socket);
      streams.delete(socket);
      if (streams.size === 0 && org.viewers.get(memberId) === streams) {
        org.viewers.delete(memberId);
        org.wholeOrganisation.delete(memberId);
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
          wholeOrganisation: new Set(),
          watchers,
          sent: Number(row.seq),
          queue: Promise.resolve(),
          pending: 0,
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
    org.pending++;
    org.queue = org.queue
      .then(() => this.flush(orgId, org, rows))
      .catch(() => {})
      .finally(() => org.pending--);
    return org.queue;
  }

  /**
   * The organisations' heads as the database has them (SQLite, after another process wrote):
   * those whose log passed what was sent, with no flush on its way, are read. A head this
   * instance is already sending is left to that flush, which uses the rows as committed.
   */
  async behindHeads(db: Kysely<Database>): Promise<void> {
    const ids = [...this.orgs.keys()];
    if (ids.length === 0) return;
    const heads = await db.selectFrom('teams').select(['id', 'seq']).where('id', 'in', ids).execute();
    for (const { id, seq } of heads) {
      const org = this.orgs.get(id);
      if (org && org.pending === 0 && Number(seq) > org.sent) void this.changed(id);
    }
  }

  /** Some organisations' logs grew, which is not known (another process wrote): look at each. */
  changedEverywhere(): Promise<void> {
    return Promise.all([...this.orgs.keys()].map((id) => this.changed(id))).then(() => {});
  }

  /** A removed member's streams close at once (their token no longer opens a new one). */
  closeMember(memberId: string, code = 4401, reason = 'no longer a member of this organisation'): void {
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
        if (row.kind === 'member-removed') this.drop(org, row.member_id);
        org.sent = Number(row.seq);
      }
      if (!page.more) return;
    }
  }

  /**
   * A removed person's streams close and they leave the viewers now, before the next row: the
   * rows their removal writes after it (the teams they left) and anything later never reach them.
   */
  private drop(org: Org, memberId: string) {
    for (const socket of org.viewers.get(memberId) ?? []) {
      socket.close(4401, 'no longer a member of this organisation');
      org.sockets.delete(socket);
    }
    org.viewers.delete(memberId);
    org.wholeOrganisation.delete(memberId);
    org.watchers.forget(memberId);
  }

  /** Team and stars changes move who watches whom, from this row on. */
  private follow(org: Org, row: Row) {
    if (row.kind === 'group') {
      const group = groupData.safeParse(JSON.parse(row.data));
      if (!group.success) return;
      org.watchers.setGroup(group.data.id, group.data.members);
      // Placed in a team: they no longer see the whole organisation (the store cleared it too).
      for (const id of group.data.members) org.wholeOrganisation.delete(id);
    } else if (row.kind === 'stars' && org.viewers.has(row.member_id)) {
      const stars = starsData.safeParse(JSON.parse(row.data));
      if (stars.success) org.watchers.setStars(row.member_id, stars.data.ids);
    }
  }

  private deliver(org: Org, row: Row) {
    const targets = this.targets(org, row);
    if (targets.size === 0) return;
    // Encoded once per way of seeing it (in full, free/busy only, a tombstone), not once per stream.
    const change = toChange(row);
    const texts = new Map<Sight, string>();
    for (const [viewer, seen] of targets) {
      if (!seen) continue;
      let text = texts.get(seen);
      if (text === undefined) texts.set(seen, (text = JSON.stringify(seenAs(change, seen))));
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

  /** The connected viewers a row reaches, and how: the reach table, over the hub's watchers. */
  private targets(org: Org, row: Row): Map<string, Sight> {
    const kind = row.kind as ChangeKind;
    // A row of no known kind (written by a bug) reaches nobody, like one with no audience.
    const how = reach[kind] ?? 'audience';
    switch (how) {
      case 'organisation':
        return new Map([...org.viewers.keys()].map((v) => [v, 'full' as const]));
      case 'audience': {
        const seen = new Map<string, Sight>();
        const listed = row.audience ? audienceList.parse(JSON.parse(row.audience)) : [];
        for (const id of listed) if (org.viewers.has(id)) seen.set(id, 'full');
        return seen;
      }
      case 'watchers':
        return org.watchers.audienceOf(row.member_id, true, org.viewers, org.wholeOrganisation);
      case 'teams-and-named': {
        const seen = org.watchers.audienceOf(row.member_id, false, org.viewers, org.wholeOrganisation);
        if (!row.mentioned) return seen;
        // Outside the author's circle: what the table says of someone the post names or named.
        const reached = mentionedList.parse(JSON.parse(row.mentioned));
        const change = { kind, memberId: row.member_id, reached, named: () => namedIn(row) };
        for (const id of reached)
          if (org.viewers.has(id) && !seen.has(id)) seen.set(id, sight(outsider(id), change));
        return seen;
      }
    }
  }
}

const nobody: ReadonlySet<string> = new Set();
/** A viewer outside the author's circle (what a post's named people are, when not teammates). */
const outsider = (id: string) => ({ id, wholeOrganisation: false, teammates: nobody, stars: nobody });
const namedIn = (row: Row): readonly string[] => {
  const change = toChange(row);
  return change.kind === 'post' ? (change.data.mentions ?? []) : [];
};

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
