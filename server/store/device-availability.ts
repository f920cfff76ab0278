import type { Kysely, Transaction } from 'kysely';
import { availabilityBody, type AvailabilityBody } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { appendChange } from './change-log';
import { revokeDevice } from './devices';
import { joinAvailability } from './join-availability';
import { getMember, type Member } from './members';
import { isoAt } from './store-clock';
import { toAvailability } from './team-data';
import { writeTransaction } from './write-transaction';

/**
 * What one device of the member published; the member's availability becomes all their devices'
 * joined (joinAvailability), and that is what goes out.
 */
export async function setAvailability(
  db: Kysely<Database>,
  member: Member,
  device: string,
  body: AvailabilityBody,
  now = Date.now(),
) {
  return writeTransaction(db, async (trx) => {
    const at = isoAt(now);
    await trx
      .insertInto('device_availability')
      .values({ device_id: device, member_id: member.id, data: JSON.stringify(body), updated_at: at })
      .onConflict((oc) => oc.column('device_id').doUpdateSet({ data: JSON.stringify(body), updated_at: at }))
      .execute();
    return (await publishJoined(trx, member, now))!;
  });
}

/** Signs a device out (devices.ts) and takes its part out of the member's availability. */
export async function removeDevice(db: Kysely<Database>, member: Member, device: string, now = Date.now()) {
  await writeTransaction(db, async (trx) => {
    await revokeDevice(trx, member, device, now);
    const dropped = await trx
      .deleteFrom('device_availability')
      .where('device_id', '=', device)
      .executeTakeFirst();
    if (Number(dropped.numDeletedRows) > 0) await publishJoined(trx, member, now);
  });
}

/** Joins the member's devices' parts into their availability, stored and logged; null when none is left. */
async function publishJoined(trx: Transaction<Database>, member: Member, now: number) {
  const rows = await trx
    .selectFrom('device_availability')
    .select('data')
    .where('member_id', '=', member.id)
    .orderBy('updated_at')
    .execute();
  // The last part left keeps what it published; none left: the last published stays as it was.
  if (rows.length === 0) return null;
  const parts = rows.map((r) => availabilityBody.parse(JSON.parse(r.data)));
  // The profile as stored now (another device may have changed the zone or hours).
  const { profile } = await getMember(trx, member.id);
  const body = joinAvailability(parts, profile, now);
  const row = {
    member_id: member.id,
    window_from: body.window.from,
    window_to: body.window.to,
    busy: JSON.stringify(body.busy),
    load_today: body.loadToday ?? null,
    load_week: body.loadWeek ?? null,
    titles: body.titles ? JSON.stringify(body.titles) : null,
    places: body.places?.length ? JSON.stringify(body.places) : null,
    updated_at: isoAt(now),
    stale_since: body.staleSince ?? null,
  };
  const { member_id: _m, ...update } = row;
  await trx
    .insertInto('availability')
    .values(row)
    .onConflict((oc) => oc.column('member_id').doUpdateSet(update))
    .execute();
  await appendChange(trx, now, member.orgId, 'availability', member.id, member.id, toAvailability(row));
  return toAvailability(row);
}
