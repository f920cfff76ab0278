import type { Kysely, Transaction } from 'kysely';
import { askDelivery } from '../../shared/asks/ask-delivery';
import type { AskBody, AskUpdate } from '../../shared/protocol/schemas';
import { askStates, availabilityData, type Ask } from '../../shared/protocol/changes';
import { z } from 'zod';
import { personInput } from '../../shared/status/person-input';
import { isoInstant } from '../../shared/time/zoned-time';
import type { Database } from '../db/schema';
import { ApiError } from './api-error';
import { appendChange, lockOrganisation } from './change-log';
import { getMember, type Member } from './members';
import { writeTransaction } from './write-transaction';

type Db = Kysely<Database> | Transaction<Database>;
const askState = z.enum(askStates);

const toAsk = (row: Database['asks']): Ask => ({
  id: row.id,
  from: row.from_member,
  to: row.to_member,
  text: row.text,
  createdAt: row.created_at,
  deliverAt: row.deliver_at,
  waitsFor: row.waits_for,
  deliveredAt: row.delivered_at,
  seenAt: row.seen_at,
  state: askState.parse(row.state),
  answer: row.answer,
  snoozedUntil: row.snoozed_until,
  urgent: row.urgent === 1,
});

/**
 * When an ask to this member is delivered, from what they published (status, availability,
 * working hours and zone): the same function the desktop uses to say when it will arrive.
 */
export async function deliveryFor(db: Db, member: Member, now: number) {
  const [status, availability] = await Promise.all([
    db.selectFrom('statuses').selectAll().where('member_id', '=', member.id).executeTakeFirst(),
    db.selectFrom('availability').selectAll().where('member_id', '=', member.id).executeTakeFirst(),
  ]);
  const person = personInput({
    status: status ?? null,
    busy: availability ? availabilityData.shape.busy.parse(JSON.parse(availability.busy)) : null,
    workingHours: member.profile.workingHours,
    timezone: member.profile.timezone,
  });
  return askDelivery(person, now);
}

/** Records the change of an ask for the people who may see it, in the same transaction. */
function announce(trx: Transaction<Database>, row: Database['asks'], actor: string, now: number) {
  const audience = row.state === 'pending' ? [row.from_member] : [row.from_member, row.to_member];
  return appendChange(trx, now, row.team_id, 'ask', actor, row.id, toAsk(row), { audience });
}

export async function createAsk(db: Kysely<Database>, from: Member, body: AskBody, now: number) {
  const to = await getMember(db, body.to).catch(() => undefined);
  if (!to || to.orgId !== from.orgId) throw new ApiError(404, 'not_found', 'member not found');
  if (to.id === from.id) throw new ApiError(400, 'invalid_request', 'an ask goes to someone else');
  return writeTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('asks')
      .selectAll()
      .where('team_id', '=', from.orgId)
      .where('id', '=', body.id)
      .executeTakeFirst();
    if (existing) {
      if (existing.from_member !== from.id)
        throw new ApiError(409, 'id_taken', 'this ask id is already used in your team');
      return { ask: toAsk(existing), created: false };
    }
    // Urgent: now, whatever the person is doing; otherwise when they are next reachable.
    const delivery = body.urgent ? { at: now, waitsFor: null } : await deliveryFor(trx, to, now);
    const at = isoInstant(now);
    const now_ = delivery.at <= now;
    const row: Database['asks'] = {
      id: body.id,
      team_id: from.orgId,
      from_member: from.id,
      to_member: to.id,
      text: body.text,
      created_at: at,
      deliver_at: isoInstant(delivery.at),
      waits_for: delivery.waitsFor,
      delivered_at: now_ ? at : null,
      seen_at: null,
      state: now_ ? 'delivered' : 'pending',
      answer: null,
      snoozed_until: null,
      urgent: body.urgent ? 1 : 0,
    };
    await trx.insertInto('asks').values(row).execute();
    await announce(trx, row, from.id, now);
    return { ask: toAsk(row), created: true };
  });
}

/**
 * Delivers every ask whose time has come (and snoozed ones whose snooze ended). Each moves
 * by one conditional update, so two server instances, or a restart, never deliver twice.
 * Returns the teams whose log grew.
 */
export async function deliverDue(db: Kysely<Database>, now: number): Promise<string[]> {
  const at = isoInstant(now);
  const due = await db
    .selectFrom('asks')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('deliver_at', '<=', at)]),
        eb.and([eb('state', '=', 'snoozed'), eb('snoozed_until', '<=', at)]),
      ]),
    )
    .execute();
  const teams = new Set<string>();
  for (const ask of due) {
    await writeTransaction(db, async (trx) => {
      await lockOrganisation(trx, ask.team_id);
      const moved = await trx
        .updateTable('asks')
        .set({ state: 'delivered', delivered_at: at, snoozed_until: null })
        .where('team_id', '=', ask.team_id)
        .where('id', '=', ask.id)
        .where('state', '=', ask.state)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return; // another instance did it
      const row = await trx
        .selectFrom('asks')
        .selectAll()
        .where('team_id', '=', ask.team_id)
        .where('id', '=', ask.id)
        .executeTakeFirstOrThrow();
      await announce(trx, row, ask.from_member, now);
      teams.add(ask.team_id);
    });
  }
  return [...teams];
}

/** The earliest moment an ask becomes due, for the scheduler's one timer. */
export async function nextDue(db: Kysely<Database>): Promise<number | null> {
  const [pending, snoozed] = await Promise.all([
    db
      .selectFrom('asks')
      .select((eb) => eb.fn.min('deliver_at').as('at'))
      .where('state', '=', 'pending')
      .executeTakeFirst(),
    db
      .selectFrom('asks')
      .select((eb) => eb.fn.min('snoozed_until').as('at'))
      .where('state', '=', 'snoozed')
      .executeTakeFirst(),
  ]);
  const times = [pending?.at, snoozed?.at].filter((x): x is string => !!x).map(Date.parse);
  return times.length ? Math.min(...times) : null;
}

/**
 * The member's status or calendar changed: their pending asks get a new delivery time from
 * the new data (a meeting extended, a focus ended early). The askers see the new time.
 */
/** Asks waiting for this member get their new time; returns how many moved (each announced). */
export async function rescheduleAsksTo(db: Kysely<Database>, member: Member, now: number): Promise<number> {
  const pending = await db
    .selectFrom('asks')
    .selectAll()
    .where('to_member', '=', member.id)
    .where('state', '=', 'pending')
    .execute();
  if (pending.length === 0) return 0;
  const delivery = await deliveryFor(db, member, now);
  const at = isoInstant(Math.max(delivery.at, now));
  return writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, member.orgId);
    let moved = 0;
    for (const ask of pending) {
      if (ask.deliver_at === at && ask.waits_for === delivery.waitsFor) continue;
      moved++;
      await trx
        .updateTable('asks')
        .set({ deliver_at: at, waits_for: delivery.waitsFor })
        .where('team_id', '=', ask.team_id)
        .where('id', '=', ask.id)
        .execute();
      await announce(trx, { ...ask, deliver_at: at, waits_for: delivery.waitsFor }, member.id, now);
    }
    return moved;
  });
}

/** The recipient reads, answers, snoozes or dismisses an ask delivered to them. */
export async function updateAsk(
  db: Kysely<Database>,
  member: Member,
  id: string,
  body: AskUpdate,
  now: number,
) {
  return writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, member.orgId);
    const row = await trx
      .selectFrom('asks')
      .selectAll()
      .where('team_id', '=', member.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    // Someone else's ask, or one not delivered yet, does not exist for this member.
    if (!row || row.to_member !== member.id || row.state === 'pending')
      throw new ApiError(404, 'not_found', 'ask not found');
    const at = isoInstant(now);
    const next: Database['asks'] =
      body.action === 'seen'
        ? { ...row, seen_at: row.seen_at ?? at }
        : body.action === 'answer'
          ? { ...row, state: 'answered', answer: body.text!, seen_at: row.seen_at ?? at }
          : body.action === 'snooze'
            ? { ...row, state: 'snoozed', snoozed_until: body.until!, seen_at: row.seen_at ?? at }
            : { ...row, state: 'dismissed', seen_at: row.seen_at ?? at };
    await trx
      .updateTable('asks')
      .set({
        state: next.state,
        answer: next.answer,
        seen_at: next.seen_at,
        snoozed_until: next.snoozed_until,
      })
      .where('team_id', '=', member.orgId)
      .where('id', '=', id)
      .execute();
    await announce(trx, next, member.id, now);
    return toAsk(next);
  });
}

/** My asks: the ones delivered to me, and every one I made. */
export async function listAsks(db: Kysely<Database>, member: Member): Promise<Ask[]> {
  const rows = await db
    .selectFrom('asks')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('from_member', '=', member.id),
        eb.and([eb('to_member', '=', member.id), eb('state', '!=', 'pending')]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toAsk);
}
