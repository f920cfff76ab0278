// Invite codes and tokens are pasted after a flag (`ricochet login --invite <code>`): one that
// began with "-" was read as a flag and the login failed ("argument is ambiguous"), for about one
// code in 64.
import { describe, expect, it } from 'vitest';
import { newInviteCode, newSecret } from '../../../server/store/secrets';

describe('secrets people paste on a command line', () => {
  it('never start with a dash, and keep their length and alphabet', () => {
    const codes = Array.from({ length: 3000 }, newInviteCode);
    const tokens = Array.from({ length: 3000 }, newSecret);
    expect(codes.filter((c) => c.startsWith('-'))).toEqual([]);
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(new Set(codes.map((c) => c.length))).toEqual(new Set([22]));
    expect(new Set(tokens.map((t) => t.length))).toEqual(new Set([43]));
    expect(codes.every((c) => /^[\w-]+$/.test(c))).toBe(true);
    // Still random: no two alike, and every allowed first character shows up.
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.map((c) => c[0])).size).toBe(63);
  });
});
