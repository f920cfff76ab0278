import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../store/api-error';

/**
 * Limits, keyed on who is really asking: the verified member for authenticated requests (a
 * random token never gets a bucket of its own), the client's address otherwise (behind a
 * reverse proxy, the real one with --trust-proxy). @fastify/rate-limit keeps its counts in a
 * bounded LRU, so a flood of keys costs memory only up to `cache` entries.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  limits: { capacity: number; perSecond: number },
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    // After authentication (onRequest), so the member is known.
    hook: 'preHandler',
    max: limits.capacity,
    timeWindow: Math.max(1000, Math.round((limits.capacity / limits.perSecond) * 1000)),
    cache: 10_000,
    keyGenerator: (request: FastifyRequest) =>
      request.member ? `member:${request.member.id}` : `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });
}

/**
 * Failed authentications per address, bounded: past `max` in a window, further attempts are
 * refused before any database lookup, so random tokens cannot make the server work.
 */
export class FailureLimit {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly max = 30,
    private readonly windowMs = 60_000,
    private readonly size = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait, or 0 when this address may try. */
  blocked(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const elapsed = this.now() - entry.since;
    if (elapsed > this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.max ? Math.ceil((this.windowMs - elapsed) / 1000) : 0;
  }

  failed(key: string): void {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.since <= this.windowMs) entry.count++;
    else {
      this.failures.delete(key);
      this.failures.set(key, { count: 1, since: this.now() });
      // Bounded: the oldest address is forgotten first (a Map keeps insertion order).
      if (this.failures.size > this.size) this.failures.delete(this.failures.keys().next().value!);
    }
  }
}

/**
 * A public attempt strangers may guess at (an invite, a device code, a sign-in's code): refused
 * while the caller's real address is blocked, and each refusal (a 4xx) counts against that
 * address, never against the code itself (someone holding it could then block it for others).
 */
export async function guessable<T>(
  limit: FailureLimit,
  request: { ip: string },
  reply: { header: (name: string, value: string) => unknown },
  what: string,
  attempt: () => Promise<T>,
): Promise<T> {
  const key = `ip:${request.ip}`;
  const wait = limit.blocked(key);
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    throw new ApiError(429, 'rate_limited', `too many ${what}; try again in ${wait} s`);
  }
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) limit.failed(key);
    throw error;
  }
}
