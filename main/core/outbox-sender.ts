import { v7 as uuidv7 } from 'uuid';
import type { TeamCommand } from '../../shared/protocol/team-commands';
import type { LocalCache } from '../cache/local-cache';
import type { FlushResult } from '../sync/sync-client';
import type { TeamMembership } from './team-membership';

export type Delivery = 'sent' | 'queued' | 'local' | 'rejected';
export interface Sent {
  delivered: Delivery;
  detail?: string;
}

/**
 * Every command to the team goes out the same way: into the outbox first (nothing acknowledged is
 * lost offline), then one flush that says what became of it. Posts, status, asks, edits and stars
 * all use it.
 */
export class OutboxSender {
  constructor(
    private readonly cache: LocalCache,
    private readonly team: TeamMembership,
    private readonly me: () => unknown,
    private readonly changed: () => void,
  ) {}

  /** Queues a command, sends it and reads the team again; kept on this desk outside a team. */
  async queue(command: TeamCommand): Promise<Sent> {
    if (!this.me()) return { delivered: 'local', detail: 'not in a team yet' };
    this.cache.enqueue(uuidv7(), command);
    const result = await this.send();
    await this.team.refresh();
    this.changed();
    return result;
  }

  /** Flushes the outbox and says what became of the last command. */
  async send(): Promise<Sent> {
    const sync = this.team.sync;
    if (!sync) return { delivered: 'queued', detail: 'no token in this profile' };
    const before = this.cache.rejected().length;
    const flushed: FlushResult = await sync.flush();
    if (flushed.remaining === 0 && flushed.rejected === 0) return { delivered: 'sent' };
    const rejected = this.cache.rejected().length > before;
    return {
      delivered: rejected ? 'rejected' : 'queued',
      detail: rejected ? this.cache.rejected().at(-1)?.message : flushed.error,
    };
  }
}
