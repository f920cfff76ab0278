import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Random bytes as URL-safe text that never starts with "-": people paste secrets after a
 * command-line flag (`--invite <code>`, `--token <token>`), where a leading dash reads as
 * another flag. Re-drawing keeps every value equally likely among the allowed ones.
 */
function flagSafeSecret(bytes: number): string {
  for (;;) {
    const text = randomBytes(bytes).toString('base64url');
    if (!text.startsWith('-')) return text;
  }
}

/** A 256-bit random secret, URL-safe. Shown once; only its hash is stored. */
export function newSecret(): string {
  return flagSafeSecret(32);
}

/** A shorter secret for invite codes people may type: 128 bits. */
export function newInviteCode(): string {
  return flagSafeSecret(16);
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
