import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import type { StreamMessage } from '../../shared/protocol/changes';
import type { Database } from '../db/schema';
import { changeFor, readRows } from '../store/change-log';
import { audienceList } from '../../shared/protocol/changes';

/**
 * Fans a team's changes out to its live streams. It never trusts what happened in memory:
 * when told a team changed (by this instance, or by another through PostgreSQL NOTIFY) it
 * reads the log after the last sequence it sent and pushes those rows, in order, once.
 */
export class ChangeHub {
  private readonly teams = new Map<string, { clients: Set<WebSocket>; sent: number; queue: Promise<void> }>();
  /** Who each stream belongs to: a private change goes in full only to its audience. */
  private readonly viewers = new WeakMap<WebSocket, string>();
  /** Each member's open streams, oldest first: a member holds at most STREAMS_PER_MEMBER. */
  private readonly byMember = new Map<string, WebSocket[]>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a stream and answers the cursor it starts from. */
  async subscribe(teamId: string, socket: WebSocket, memberId?: string): Promise<number> {
    if (memberId) {
      this.viewers.set(socket, memberId);
      const mine = [...(this.byMember.get(memberId) ?? []), socket];
      // A few devices and windows each; past that the oldest goes (a leak or a flood, not a person).
      while (mine.length > STREAMS_PER_MEMBER) mine.shift()!.close(4429, 'too many streams for this member');
      this.byMember.set(memberId, mine);
      socket.once('close', () => {
        const left = (this.byMember.get(memberId) ?? []).filter((s) => s !== socket);
        if (left.length > 0) this.byMember.set(memberId, left);
        else this.byMember.delete(memberId);
      });
    }
    let team = this.teams.get(teamId);
    if (!team) {
      const row = await this.db
        .selectFrom('teams')
        .select('seq')
        .where('id', '=', teamId)
        .executeTakeFirstOrThrow();
      team = this.teams.get(teamId) ?? {
        clients: new Set(),
        sent: Number(row.seq),
        queue: Promise.resolve(),
      };
      this.teams.set(teamId, team);
    }
    team.clients.add(socket);
    socket.once('close', () => {
      team.clients.delete(socket);
      if (team.clients.size === 0 && this.teams.get(teamId) === team) this.teams.delete(teamId);
    });
    return team.sent;
  }

  /** A team's log grew: push what its streams have not had yet. */
  changed(teamId: string): Promise<void> {
    const team = this.teams.get(teamId);
    if (!team) return Promise.resolve();
    team.queue = team.queue.then(() => this.flush(teamId, team)).catch(() => {});
    return team.queue;
  }

  /** A removed member's streams close at once (their token no longer opens a new one). */
  closeMember(memberId: string, code = 4401, reason = 'no longer a member of this team'): void {
    for (const team of this.teams.values())
      for (const socket of team.clients)
        if (this.viewers.get(socket) === memberId) socket.close(code, reason);
  }

  get streamCount(): number {
    let n = 0;
    for (const team of this.teams.values()) n += team.clients.size;
    return n;
  }

  closeAll(code = 1001, reason = 'server shutting down'): void {
    for (const team of this.teams.values()) for (const socket of team.clients) socket.close(code, reason);
  }

  private async flush(teamId: string, team: { clients: Set<WebSocket>; sent: number }) {
    const encode = (change: ReturnType<typeof changeFor>) =>
      Buffer.from(JSON.stringify({ type: 'change', change } satisfies StreamMessage));
    for (;;) {
      const page = await readRows(this.db, teamId, team.sent, 500);
      for (const row of page.rows) {
        // Encoded once for every stream (twice for a private change: in full, and its place only).
        const full = encode(changeFor(row, viewerOf(row)));
        const masked = row.audience ? encode(changeFor(row, undefined)) : full;
        const audience = row.audience ? audienceList.parse(JSON.parse(row.audience)) : null;
        for (const socket of team.clients) {
          if (socket.readyState !== socket.OPEN) continue;
          if (socket.bufferedAmount > STREAM_BEHIND_BYTES) {
            dropBehind(socket);
            continue;
          }
          const sees = !audience || audience.includes(this.viewers.get(socket) ?? '');
          socket.send(sees ? full : masked, { binary: false });
        }
        team.sent = Number(row.seq);
      }
      if (!page.more) return;
    }
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

/** Someone in the change's audience (to read it in full), or nobody for a team-wide change. */
function viewerOf(row: { audience: string | null }): string | undefined {
  return row.audience ? audienceList.parse(JSON.parse(row.audience))[0] : undefined;
}
