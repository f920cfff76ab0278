import type { Kysely } from 'kysely';
import { STARS_MAX } from '../../shared/protocol/changes';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { appendChange, lockOrganisation } from './change-log';
import type { Member } from './members';
import { isoAt } from './store-clock';
import { writeTransaction } from './write-transaction';

/**
 * Stars or unstars someone of the organisation for `member`: their presence then reaches
 * `member` wherever they work. The list goes to `member`'s devices only. Returns the list.
 */
export async function setStar(
  db: Kysely<Database>,
  member: Member,
  starId: string,
  on: boolean,
  now = Date.now(),
): Promise<string[]> {
  if (starId === member.id) throw new ApiError(400, 'invalid_request', 'you always see yourself');
  return writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, member.orgId);
    const star = await trx
      .selectFrom('members')
      .select('id')
      .where('id', '=', starId)
      .where('team_id', '=', member.orgId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    // Someone of another organisation is not found, rather than "not yours".
    if (on && !star) throw notFound('member');
    if (on) {
      const count = await trx
        .selectFrom('stars')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', member.id)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= STARS_MAX)
        throw new ApiError(409, 'too_many_stars', `at most ${STARS_MAX} stars: unstar someone first`);
      await trx
        .insertInto('stars')
        .values({ member_id: member.id, star_id: starId, created_at: isoAt(now) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('stars')
        .where('member_id', '=', member.id)
        .where('star_id', '=', starId)
        .execute();
    }
    const ids = (
      await trx
        .selectFrom('stars')
        .select('star_id')
        .where('member_id', '=', member.id)
        .orderBy('created_at')
        .execute()
    ).map((s) => s.star_id);
    await appendChange(
      trx,
      now,
      member.orgId,
      'stars',
      member.id,
      `stars:${member.id}`,
      { ids },
      {
        audience: [member.id],
      },
    );
    return ids;
  });
}
