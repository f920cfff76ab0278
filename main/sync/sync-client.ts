import { EventEmitter } from 'node:events';
import { streamAgent } from '../network/company-network';
import type WebSocket from 'ws';
import { streamMessageSchema, type Change } from '../../shared/protocol/changes';
import type { LocalCache } from '../cache/local-cache';
import { TeamApi, TeamApiError } from './team-api';

/**
 * Changes per page of a pull: the server's largest (pages are also bounded in bytes there).
 * Larger pages mean fewer round trips, and the server reads the next one while this one is
 * written to the cache.
 */
export const SYNC_PAGE = 1000;

export type Connection = 'offline' | 'connecting' | 'live' | 'unauthorized';

export interface SyncClientOptions {
  cache: LocalCache;
  server: string;
  token: string;
  /** For tests: the randomness of the reconnect jitter. */
  random?: () => number;
  maxBackoffMs?: number;
  /** Silence on the live stream (no ping from the server, no message) that means it is gone. */
  silenceMs?: number;
}

/** The server pings every 30 s: this long without a word, the stream is gone. */
const SILENCE_MS = 75_000;

/**
 * A catch-up after the server was out of reach longer than this is history, not news: what it
 * brings is applied and shown, but raises no notification (nor does a cold sync or a reset).
 */
export const LIVE_CATCH_UP_MS = 5 * 60_000;

/** How the applied changes came: `live` ones (the stream, a short catch-up) may notify. */
export interface ChangesHow {
  live: boolean;
}

/**
 * Keeps the cache in step with the team server: pulls the log since the cursor, holds the
 * live stream (a gap in sequence numbers triggers a pull), flushes the outbox in order,
 * and reconnects with exponential backoff and jitter. Emits 'change' after the cache
 * changed, 'changes' with the applied log rows and how they came (ChangesHow), and
 * 'connection' when the connection does.
 */
export class SyncClient extends EventEmitter {
  readonly api: TeamApi;
  connection: Connection = 'offline';
  private socket: WebSocket | undefined;
  private stopped = true;
  /** Finding the way to the server (its proxy) before the socket exists. */
  private opening = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private pulling: Promise<number> | undefined;
  private flushing: Promise<FlushResult> | undefined;
  private flushRetry: NodeJS.Timeout | undefined;
  private flushAttempt = 0;
  /** When this device last heard from the server (a page, a stream message, a pong). */
  private heardAt: number;

  constructor(private readonly options: SyncClientOptions) {
    super();
    this.api = new TeamApi(options.server, options.token);
    this.heardAt = Date.parse(options.cache.lastSyncAt ?? '') || 0;
  }

  /**
   * Catches up through /v1/sync; concurrent calls share one pull. `live`: what it brings may
   * notify (by default: the server was heard from lately, so this is news, not history).
   */
  pull(live = this.heardLately()): Promise<number> {
    const cache = this.options.cache;
    // From nothing, the whole team arrives: written in bulk (see LocalCache.inBulk).
    const pages = () =>
      cache.cursor === 0 ? cache.inBulk(() => this.pullPages(false)) : this.pullPages(live);
    this.pulling ??= pages().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  private heardLately(): boolean {
    return Date.now() - this.heardAt <= LIVE_CATCH_UP_MS;
  }

  private async pullPages(live: boolean): Promise<number> {
    let total = 0;
    let snapshot = false;
    const moved = new Set<string>();
    const fromStart = this.options.cache.cursor === 0;
    let next = this.api.sync(this.options.cache.cursor, SYNC_PAGE, snapshot);
    for (;;) {
      const page = await next;
      // Offline longer than the server keeps tombstones: start again from the team as it is now.
      if (page.reset) {
        this.options.cache.restartTeam();
        snapshot = true;
      }
      // The next page is asked for before this one is written: the server reads it meanwhile.
      if (page.more) {
        next = this.api.sync(page.cursor, SYNC_PAGE, snapshot);
        next.catch(() => {}); // awaited below; if applying this page throws first, not unhandled
      }
      const applied = this.options.cache.applyChanges(page.changes, page.cursor);
      this.heardAt = Date.now();
      total += applied;
      const how: ChangesHow = { live: live && !fromStart && !snapshot };
      if (applied > 0) this.emit('changes', page.changes, how);
      for (const change of page.changes) for (const id of newlyWatched(change)) moved.add(id);
      if (!page.more) break;
    }
    // A cold sync reads everyone's presence in the log; a catch-up that put me in a team or
    // starred someone did not (the log held it back while I did not watch them).
    if (moved.size > 0 && !snapshot && !fromStart) await this.refreshPresence([...moved]);
    if (total > 0) this.emit('change');
    return total;
  }

  /** The current status and availability of the people I may now watch, newer than what I have. */
  private async refreshPresence(ids: readonly string[]): Promise<void> {
    if (this.options.cache.applyPresence(await this.api.presence(ids)) > 0) this.emit('change');
  }

  /**
   * Sends the outbox in order; stops at the first failure that may pass later. While live, a
   * failed send is tried again after a growing wait (1 s to 30 s): a server that refused once
   * (busy, restarting, a connection it had dropped) gets the post without waiting for the
   * stream to reconnect.
   */
  flush(): Promise<FlushResult> {
    this.flushing ??= flushOutbox(this.options.cache, this.api)
      .then((result) => {
        this.retryFlushLater(result);
        if (result.sent > 0) this.emit('change');
        return result;
      })
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private retryFlushLater(result: FlushResult) {
    clearTimeout(this.flushRetry);
    if (this.stopped || !result.error || result.remaining === 0) {
      this.flushAttempt = 0;
      return;
    }
    const wait = Math.min(30_000, 1_000 * 2 ** this.flushAttempt++);
    this.flushRetry = setTimeout(() => void this.flush().catch(() => {}), wait);
  }

  /** One round: send what is queued, then catch up. For the CLI and for wake-ups. */
  async syncOnce(): Promise<FlushResult & { pulled: number }> {
    const flushed = await this.flush();
    const pulled = await this.pull();
    return { ...flushed, pulled };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.flushRetry);
    clearTimeout(this.heartbeat);
    this.socket?.close();
    this.socket = undefined;
    this.setConnection('offline');
  }

  /** After sleep, unlock or a network change: reconnect now rather than at the next backoff. */
  resync(): void {
    if (this.stopped) return;
    this.attempt = 0;
    clearTimeout(this.timer);
    this.socket?.terminate();
    this.socket = undefined;
    this.connect();
  }

  private setConnection(state: Connection) {
    if (this.connection !== state) {
      this.connection = state;
      this.emit('connection', state);
    }
  }

  private connect() {
    if (this.stopped || this.socket || this.opening) return;
    this.opening = true;
    this.setConnection('connecting');
    const url = `${this.options.server.replace(/^http/, 'ws').replace(/\/$/, '')}/v1/stream`;
    // Through the company's proxy when one applies (the same rule as every fetch; in the app,
    // the system's proxy settings and PAC file as Chromium reads them).
    // ws loads with the first stream: alone, the app never holds it (docs/benchmarks.md).
    void Promise.all([streamAgent(url).catch(() => undefined), import('ws')]).then(
      ([agent, { default: Socket }]) => {
        this.opening = false;
        if (!this.stopped && !this.socket) this.open(url, agent, Socket);
      },
    );
  }

  private open(url: string, agent: Awaited<ReturnType<typeof streamAgent>>, Socket: typeof WebSocket) {
    const socket = new Socket(url, {
      headers: { authorization: `Bearer ${this.options.token}` },
      handshakeTimeout: 10_000,
      ...(agent ? { agent } : {}),
    });
    this.socket = socket;
    socket.on('unexpected-response', (_req, res) => {
      if (res.statusCode === 401) {
        this.stopped = true;
        this.setConnection('unauthorized');
      }
    });
    socket.on('message', (data) => void this.onMessage(String(data)));
    socket.on('error', () => {});
    // A connection can die without a close (a laptop lid, a NAT timeout). The server pings every
    // 30 s (ws answers by itself); silence for longer than two of them means it is gone, so
    // reconnect and catch up. No ping of our own: at rest the desktop wakes only for the server's.
    const heard = () => this.heartbeat?.refresh();
    socket.on('ping', () => {
      heard();
      this.heardAt = Date.now();
    });
    socket.on('message', heard);
    socket.on('open', () => {
      clearTimeout(this.heartbeat);
      this.heartbeat = setTimeout(() => {
        if (this.socket === socket) socket.terminate();
      }, this.options.silenceMs ?? SILENCE_MS);
      this.heartbeat.unref?.();
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      clearTimeout(this.heartbeat);
      this.socket = undefined;
      if (this.stopped) return;
      this.setConnection('offline');
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect() {
    const cap = this.options.maxBackoffMs ?? 30_000;
    const base = Math.min(cap, 500 * 2 ** this.attempt++);
    const delay = base / 2 + (this.options.random ?? Math.random)() * (base / 2);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private async onMessage(text: string) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return; // a bad frame is dropped; the sequence check catches anything it carried
    }
    const parsed = streamMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    try {
      if (message.type === 'ready') {
        this.attempt = 0;
        // What was missed while out of reach for long is history: no notification for it.
        const live = this.heardLately();
        this.heardAt = Date.now();
        this.setConnection('live');
        await this.flush();
        if (message.cursor !== this.options.cache.cursor) await this.pull(live);
        else this.options.cache.markSynced();
      } else if (message.type === 'change') {
        const cursor = this.options.cache.cursor;
        // The change this stream sent before: what lies between was not for me (a server that
        // does not say is one that sends every number).
        const after = message.after ?? message.change.seq - 1;
        if (message.change.seq <= cursor) return; // already read through the log
        this.heardAt = Date.now();
        if (after <= cursor) {
          this.options.cache.applyChanges([message.change]);
          this.emit('changes', [message.change], { live: true } satisfies ChangesHow);
          this.emit('change');
          const moved = newlyWatched(message.change);
          if (moved.length > 0) await this.refreshPresence(moved);
        } else {
          await this.pull(true); // a gap: something was missed, so catch up through the log
        }
      }
    } catch {
      this.socket?.terminate(); // reconnect and catch up from a clean state
    }
  }
}

/** Whom a change may put in front of me: a team's members, or my stars (none for the rest). */
const newlyWatched = (change: Change): readonly string[] =>
  change.kind === 'group' ? change.data.members : change.kind === 'stars' ? change.data.ids : [];

export interface FlushResult {
  sent: number;
  rejected: number;
  remaining: number;
  error?: string;
}

/**
 * Sends queued mutations in order. Each carries the id it was queued with (the post's
 * UUID v7), so a retry after a crash or a lost answer never duplicates anything.
 */
export async function flushOutbox(cache: LocalCache, api: TeamApi): Promise<FlushResult> {
  let sent = 0;
  let rejected = 0;
  // Until the outbox is empty: what was queued while this flush ran (a post typed meanwhile)
  // goes in this flush too, not at the next wake-up.
  for (let rows = cache.outbox(); rows.length > 0; rows = cache.outbox()) {
    for (const row of rows) {
      try {
        await api.send(row.command);
        cache.acknowledge(row.id);
        sent++;
      } catch (error) {
        const failure = error instanceof TeamApiError ? error : new TeamApiError(0, String(error));
        if (failure.retryable || failure.status === 401) {
          cache.attemptFailed(row.id, failure.message);
          return { sent, rejected, remaining: cache.outbox().length, error: failure.message };
        }
        cache.reject(
          { id: row.id, kind: row.command.kind, body: JSON.stringify(row.command) },
          failure.status,
          failure.message,
        );
        rejected++;
      }
    }
  }
  return { sent, rejected, remaining: 0 };
}
