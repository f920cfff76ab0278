import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import type { StreamMessage } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { readChanges } from '../store/change-log';

/**
 * Fans a team's changes out to its live streams. It never trusts what happened in memory:
 * when told a team changed (by this instance, or by another through PostgreSQL NOTIFY) it
 * reads the log after the last sequence it sent and pushes those rows, in order, once.
 */
export class ChangeHub {
  private readonly teams = new Map<string, { clients: Set<WebSocket>; sent: number; queue: Promise<void> }>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a stream and answers the cursor it starts from. */
  async subscribe(teamId: string, socket: WebSocket): Promise<number> {
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

  get streamCount(): number {
    let n = 0;
    for (const team of this.teams.values()) n += team.clients.size;
    return n;
  }

  closeAll(code = 1001, reason = 'server shutting down'): void {
    for (const team of this.teams.values()) for (const socket of team.clients) socket.close(code, reason);
  }

  private async flush(teamId: string, team: { clients: Set<WebSocket>; sent: number }) {
    for (;;) {
      const page = await readChanges(this.db, teamId, team.sent, 500);
      for (const change of page.changes) {
        // Encoded once for every stream: a text frame from one buffer, not one per client.
        const message = Buffer.from(JSON.stringify({ type: 'change', change } satisfies StreamMessage));
        for (const socket of team.clients)
          if (socket.readyState === socket.OPEN) socket.send(message, { binary: false });
      }
      team.sent = page.cursor;
      if (!page.more) return;
    }
  }
}
