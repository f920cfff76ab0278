import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MAX_DEVICES } from '../../shared/protocol/responses';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { getMember, organisationOf, toMember, type Member } from './members';
import { hashSecret, sameHash } from './secrets';
import { isoAt } from './store-clock';
import { issueToken } from './tokens';
import { writeTransaction } from './write-transaction';

/** A device code is typed by a person within minutes; after that it is refused. */
export const DEVICE_CODE_MINUTES = 10;

/** Letters and digits nobody confuses when reading them aloud or typing them (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "K7QX-M2PD": 40 bits, enough for minutes of validity behind a limit on wrong attempts. */
function newDeviceCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** As typed: any case, with or without the dash or spaces. */
export const normaliseDeviceCode = (code: string) => {
  const plain = code.toUpperCase().replace(/[\s-]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
};

export interface Device {
  id: string;
  name: string | null;
  createdAt: string;
  lastSeenAt: string | null;
}

/** The member and device a bearer token belongs to, or null for an unknown, revoked or removed one. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  clock = Date.now(),
): Promise<{ member: Member; device: string } | null> {
  const hash = hashSecret(token);
  const row = await db
    .selectFrom('tokens')
    .innerJoin('members', 'members.id', 'tokens.member_id')
    .selectAll('members')
    .select([
      'tokens.hash as token_hash',
      'tokens.revoked_at as token_revoked_at',
      'tokens.device_id as device_id',
      'tokens.last_seen_at as last_seen_at',
      'tokens.expires_at as expires_at',
    ])
    .where('tokens.hash', '=', hash)
    .executeTakeFirst();
  if (!row || !sameHash(row.token_hash, hash) || row.token_revoked_at || row.removed_at) return null;
  const now = isoAt(clock);
  // A single sign-on token past its end: sign in again (renewal keeps it alive while allowed).
  if (row.expires_at && row.expires_at <= now) return null;
  // "Last seen" in the device list is to the hour: one write per device per hour, not per request.
  if (!row.last_seen_at || Date.parse(now) - Date.parse(row.last_seen_at) > 3_600_000)
    await db.updateTable('tokens').set({ last_seen_at: now }).where('hash', '=', hash).execute();
  return { member: toMember(row), device: row.device_id };
}

/** The member's devices that still hold a token, oldest first. */
export async function listDevices(db: Kysely<Database>, memberId: string): Promise<Device[]> {
  const rows = await db
    .selectFrom('tokens')
    .select(['device_id', 'device_name', 'created_at', 'last_seen_at'])
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('device_id')
    .execute();
  return rows.map((r) => ({
    id: r.device_id,
    name: r.device_name,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  }));
}

/**
 * A one-time code for adding a device, valid a few minutes. A new code replaces the member's
 * unused ones: only the last one shown works.
 */
export async function createDeviceCode(db: Kysely<Database>, member: Member, now = Date.now()) {
  const live = await listDevices(db, member.id);
  if (live.length >= MAX_DEVICES) throw tooManyDevices();
  const code = newDeviceCode();
  const expiresAt = new Date(now + DEVICE_CODE_MINUTES * 60_000).toISOString();
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom('device_codes').where('member_id', '=', member.id).execute();
    await trx
      .insertInto('device_codes')
      .values({ hash: hashSecret(code), member_id: member.id, expires_at: expiresAt, created_at: isoAt(now) })
      .execute();
  });
  return { code, expiresAt };
}

const tooManyDevices = () =>
  new ApiError(
    409,
    'too_many_devices',
    `you already use Ricochet on ${MAX_DEVICES} devices: remove one you no longer use (Settings → Devices, or ricochet device remove) first`,
  );

/**
 * Redeems a device code: used once (two devices racing for it cannot both win), refused when
 * expired, wrong, or its member was removed meanwhile. Answers a token for the new device.
 */
export async function redeemDeviceCode(
  db: Kysely<Database>,
  input: { code: string; name: string },
  now = Date.now(),
) {
  const hash = hashSecret(normaliseDeviceCode(input.code));
  const memberId = await writeTransaction(db, async (trx) => {
    const taken = await trx
      .deleteFrom('device_codes')
      .where('hash', '=', hash)
      .returning(['member_id', 'expires_at'])
      .executeTakeFirst();
    if (!taken)
      throw new ApiError(403, 'device_code_invalid', 'this device code is not valid (or was used already)');
    if (taken.expires_at <= isoAt(now))
      throw new ApiError(
        403,
        'device_code_expired',
        `this device code has expired (codes last ${DEVICE_CODE_MINUTES} minutes): make a new one on a device already signed in`,
      );
    return taken.member_id;
  });
  const member = await getMember(db, memberId).catch(() => {
    throw new ApiError(403, 'device_code_invalid', 'the person who made this code is no longer a member');
  });
  if ((await listDevices(db, member.id)).length >= MAX_DEVICES) throw tooManyDevices();
  const token = await issueToken(db, member.id, input.name, null, now);
  return { token, member, team: await organisationOf(db, member.orgId) };
}

/**
 * Signs a device out: its token stops working at once (its stream closes), and its part of the
 * member's availability is dropped. Another member's device, or an unknown one, is a 404.
 */
export async function revokeDevice(db: Kysely<Database>, member: Member, deviceId: string, now = Date.now()) {
  const done = await db
    .updateTable('tokens')
    .set({ revoked_at: isoAt(now) })
    .where('member_id', '=', member.id)
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw notFound('device');
}

/** A new token for a member (a lost laptop); every device they had is signed out. */
export async function rotateToken(db: Kysely<Database>, memberId: string, now = Date.now()): Promise<string> {
  await getMember(db, memberId);
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable('tokens')
      .set({ revoked_at: isoAt(now) })
      .where('member_id', '=', memberId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.deleteFrom('device_availability').where('member_id', '=', memberId).execute();
  });
  return issueToken(db, memberId, null, null, now);
}
