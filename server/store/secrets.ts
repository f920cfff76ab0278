import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 256-bit random secret, URL-safe. Shown once; only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A shorter secret for invite codes people may type: 128 bits. */
export function newInviteCode(): string {
  return randomBytes(16).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Equal without leaking, through timing, how much of the two agree. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const nowIso = () => new Date().toISOString();
