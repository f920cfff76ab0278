import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashSecret, newSecret } from './secrets';
import { isoAt } from './store-clock';

/** A new token for a new device of the member; the member's other devices keep theirs. */
export async function issueToken(
  db: Kysely<Database>,
  memberId: string,
  deviceName: string | null = null,
  /** Single sign-on: when it ends unless renewed, and the provider's refresh token. */
  session: { expiresAt: string; refreshToken: string | null } | null = null,
  now = Date.now(),
): Promise<string> {
  const token = newSecret();
  await db
    .insertInto('tokens')
    .values({
      hash: hashSecret(token),
      member_id: memberId,
      created_at: isoAt(now),
      revoked_at: null,
      device_id: randomUUID(),
      device_name: deviceName,
      last_seen_at: null,
      expires_at: session?.expiresAt ?? null,
      refresh_token: session?.refreshToken ?? null,
    })
    .execute();
  return token;
}
