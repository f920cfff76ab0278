import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { authenticate } from '../store/devices';
import type { Member } from '../store/members';
import { hashSecret } from '../store/secrets';
import { FailureLimit } from './rate-limit';

/** Upgrades one address may hold open while they have not sent their token yet. */
export const PENDING_PER_ADDRESS = 10;

export type GateAnswer =
  { member: Member; device: string } | { refused: 401 } | { refused: 429; wait: number };

/**
 * Who a bearer token belongs to, for every route and the stream alike. An address that sent too
 * many invalid tokens is refused before any lookup of an unknown token, but a real member behind
 * the same address (one office, one NAT) is never refused for someone else's mistakes: while an
 * address is blocked, a token is checked against the set of live token hashes, read from the
 * database at most every few seconds whatever the flood (so tokens issued elsewhere count too).
 */
export class TokenGate {
  private readonly failures: FailureLimit;
  /** Hashes of tokens that authenticated lately or were just issued, least recently used first. */
  private readonly known = new Map<string, true>();
  /** Every live token's hash, as last read (only needed while some address is blocked). */
  private live: { at: number; hashes: Set<string> } | undefined;
  private reading: Promise<Set<string>> | undefined;
  /** Stream upgrades per address still waiting for their token. */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    options: { max?: number; windowMs?: number; now?: () => number } = {},
    private readonly size = 10_000,
    private readonly now: () => number = options.now ?? Date.now,
  ) {
    this.failures = new FailureLimit(options.max, options.windowMs, size, options.now);
  }

  async check(token: string, address: string): Promise<GateAnswer> {
    const hash = hashSecret(token);
    const wait = this.failures.blocked(address);
    if (wait > 0 && !this.known.has(hash) && !(await this.liveHashes()).has(hash))
      return { refused: 429, wait };
    const found = await authenticate(this.db, token, this.now());
    if (!found) {
      this.failures.failed(address);
      this.known.delete(hash);
      return { refused: 401 };
    }
    this.remember(token, hash);
    return found;
  }

  /**
   * A stream upgrade with no token yet (a browser sends it in its first message): counted per
   * address like an invalid token, so held-open upgrades cannot pile up. Answers the seconds
   * to wait (refused) or 0, and a `done` to call with whether it then authenticated.
   */
  openUnauthenticated(address: string): { wait: number; done: (ok: boolean) => void } {
    const wait = this.failures.blocked(address);
    const pending = this.pending.get(address) ?? 0;
    if (wait > 0 || pending >= PENDING_PER_ADDRESS) return { wait: Math.max(wait, 5), done: () => {} };
    this.pending.set(address, pending + 1);
    let settled = false;
    return {
      wait: 0,
      done: (ok) => {
        if (settled) return;
        settled = true;
        const left = (this.pending.get(address) ?? 1) - 1;
        if (left > 0) this.pending.set(address, left);
        else this.pending.delete(address);
        if (!ok) this.failures.failed(address);
      },
    };
  }

  /** The live token hashes, read again when older than 5 s; one read at a time. */
  private async liveHashes(): Promise<Set<string>> {
    if (this.live && this.now() - this.live.at < 5_000) return this.live.hashes;
    this.reading ??= this.db
      .selectFrom('tokens')
      .select('hash')
      .where('revoked_at', 'is', null)
      .execute()
      .then((rows) => {
        const hashes = new Set(rows.map((r) => r.hash));
        this.live = { at: this.now(), hashes };
        return hashes;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** A token just issued (a join): it works, so its member is never blocked for others. */
  remember(token: string, hash = hashSecret(token)): void {
    this.known.delete(hash);
    this.known.set(hash, true);
    if (this.known.size > this.size) this.known.delete(this.known.keys().next().value!);
  }
}
