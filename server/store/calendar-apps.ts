import type { Kysely } from 'kysely';
import { calendarAppsData, noCalendarApps, type CalendarAppsData } from '../../shared/protocol/responses';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';

/** The organisation's calendar apps, read back through the wire's schema. */
export async function calendarApps(db: Kysely<Database>, orgId: string): Promise<CalendarAppsData> {
  const row = await db.selectFrom('teams').select('calendar_apps').where('id', '=', orgId).executeTakeFirst();
  if (!row) throw new ApiError(404, 'not_found', `no organisation with id ${orgId}`);
  return row.calendar_apps ? calendarAppsData.parse(JSON.parse(row.calendar_apps)) : noCalendarApps;
}

/** Sets (or, with null, forgets) one provider's app or both; what is not given stays. */
export async function setCalendarApps(
  db: Kysely<Database>,
  orgId: string,
  change: Partial<CalendarAppsData>,
): Promise<CalendarAppsData> {
  const checked = calendarAppsData.safeParse({ ...(await calendarApps(db, orgId)), ...change });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ApiError(
      400,
      'invalid',
      `${issue?.path.join('.') ?? 'apps'}: ${issue?.message ?? 'not valid'}`,
    );
  }
  const next = checked.data;
  await db
    .updateTable('teams')
    .set({ calendar_apps: JSON.stringify(next) })
    .where('id', '=', orgId)
    .execute();
  return next;
}
