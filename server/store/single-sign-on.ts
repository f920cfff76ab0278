import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { visibleText } from '../../shared/protocol/schemas';
import type { Database } from '../db/schema';
import { ApiError, notFound } from './api-error';
import { lockOrganisation } from './change-log';
import { addMember, organisationOf, toMember, type Member } from './members';
import { hashSecret, newSecret } from './secrets';
import { isoAt } from './store-clock';
import { issueToken } from './tokens';
import { writeTransaction } from './write-transaction';

/** An organisation's identity provider, as `ricochet admin sso` sets it. */
export const ssoConfig = z.object({
  issuer: z.url(),
  clientId: z.string().min(1).max(300),
  clientSecret: z.string().min(1).max(500),
  /** Email domains allowed to sign in (lower case); empty: any the provider vouches for. */
  domains: z.array(z.string().min(1).max(200)).max(50),
  /** The team a person signing in for the first time enters; null: the organisation only. */
  groupId: z.string().nullable(),
  /** How long a token from single sign-on lasts between renewals. */
  tokenDays: z.number().min(1).max(365),
  /** "consent" where the provider gives a refresh token only then (Google). */
  prompt: z.enum(['consent', 'login', 'select_account']).optional(),
});
export type SsoConfig = z.infer<typeof ssoConfig>;

/** Minutes a person has between leaving for the provider and coming back (and a desktop to collect its token). */
const LOGIN_MINUTES = 10;
const HANDOFF_MINUTES = 2;
const minutesFrom = (now: number, minutes: number) => isoAt(now + minutes * 60_000);

export async function setSso(db: Kysely<Database>, orgId: string, config: SsoConfig) {
  const done = await db
    .updateTable('teams')
    .set({ sso: JSON.stringify(ssoConfig.parse(config)) })
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw notFound('organisation');
}

/** The organisation to sign in to: the one named, or the only one with a provider. */
export async function ssoOrganisation(db: Kysely<Database>, orgId?: string) {
  let query = db.selectFrom('teams').select(['id', 'sso']).where('sso', 'is not', null);
  if (orgId) query = query.where('id', '=', orgId);
  const rows = await query.limit(2).execute();
  if (rows.length === 0)
    throw new ApiError(
      404,
      'not_found',
      orgId ? 'this organisation has no single sign-on' : 'this server has no single sign-on',
    );
  if (rows.length > 1)
    throw new ApiError(
      400,
      'which_organisation',
      'this server has several organisations: name yours (ricochet login --sso --org <id>)',
    );
  return { orgId: rows[0]!.id, config: ssoConfig.parse(JSON.parse(rows[0]!.sso!)) };
}

/** A sign-in leaves for the provider: what its return must match, kept a few minutes. */
export async function beginLogin(
  db: Kysely<Database>,
  login: {
    orgId: string;
    state: string;
    codeVerifier: string;
    nonce: string;
    callback: string;
    redirect: string;
    challenge: string;
  },
  now = Date.now(),
) {
  await db.deleteFrom('sso_logins').where('expires_at', '<', isoAt(now)).execute();
  await db
    .insertInto('sso_logins')
    .values({
      state_hash: hashSecret(login.state),
      team_id: login.orgId,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      callback: login.callback,
      redirect: login.redirect,
      challenge: login.challenge,
      expires_at: minutesFrom(now, LOGIN_MINUTES),
    })
    .execute();
}

/** The sign-in a provider's answer comes back for, once; null for an unknown or late one. */
export async function takeLogin(db: Kysely<Database>, state: string, now = Date.now()) {
  const row = await db
    .deleteFrom('sso_logins')
    .where('state_hash', '=', hashSecret(state))
    .returningAll()
    .executeTakeFirst();
  return row && row.expires_at > isoAt(now) ? row : null;
}

/**
 * The person the provider vouched for, in the organisation: found by email, or made on their
 * first sign-in (into the configured team). A domain the organisation does not allow is refused.
 */
export async function personSigningIn(
  db: Kysely<Database>,
  orgId: string,
  config: SsoConfig,
  claims: Record<string, unknown>,
  now = Date.now(),
): Promise<Member> {
  const email = typeof claims['email'] === 'string' ? claims['email'] : '';
  if (!email)
    throw new ApiError(
      403,
      'no_email',
      'the identity provider did not give an email: ask IT to release the email claim',
    );
  if (claims['email_verified'] === false)
    throw new ApiError(403, 'email_unverified', `${email} is not verified at the identity provider`);
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  if (config.domains.length > 0 && !config.domains.includes(domain))
    throw new ApiError(
      403,
      'domain_refused',
      `${email}: accounts of ${domain} cannot sign in to this organisation (allowed: ${config.domains.join(', ')})`,
    );
  return writeTransaction(db, async (trx) => {
    await lockOrganisation(trx, orgId);
    const found = await trx
      .selectFrom('members')
      .selectAll()
      .where('team_id', '=', orgId)
      .where('removed_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (found) return toMember(found);
    // The same sanitiser as every name from the API: no escape sequence reaches a terminal.
    const named = visibleText(80).safeParse(claims['name']);
    const name = named.success ? named.data : email.split('@')[0]!;
    return addMember(
      trx,
      {
        orgId,
        name,
        email,
        groupId: config.groupId,
        wholeOrganisation: !config.groupId,
      },
      now,
    );
  });
}

/** A one-time code for the desktop waiting on its loopback address, bound to its challenge. */
export async function handOff(
  db: Kysely<Database>,
  member: Member,
  challenge: string,
  refreshToken: string | null,
  now = Date.now(),
) {
  const code = newSecret();
  await db
    .insertInto('sso_handoffs')
    .values({
      code_hash: hashSecret(code),
      member_id: member.id,
      challenge,
      refresh_token: refreshToken,
      expires_at: minutesFrom(now, HANDOFF_MINUTES),
    })
    .execute();
  return code;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * The desktop collects its token: the code once, with the verifier of the challenge it started
 * with (RFC 8252 with PKCE), so a code seen by anyone else is worth nothing.
 */
export async function redeemHandoff(
  db: Kysely<Database>,
  input: { code: string; verifier: string; device: string },
  tokenDays: (orgId: string) => Promise<number>,
  now = Date.now(),
) {
  const row = await db
    .deleteFrom('sso_handoffs')
    .where('code_hash', '=', hashSecret(input.code))
    .returningAll()
    .executeTakeFirst();
  if (!row || row.expires_at <= isoAt(now) || row.challenge !== s256(input.verifier))
    throw new ApiError(403, 'sign_in_invalid', 'this sign-in is not valid or has expired: sign in again');
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('id', '=', row.member_id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw new ApiError(403, 'sign_in_invalid', 'this person is no longer a member');
  const expiresAt = isoAt(now + (await tokenDays(member.team_id)) * 86_400_000);
  const token = await issueToken(
    db,
    member.id,
    input.device,
    { expiresAt, refreshToken: row.refresh_token },
    now,
  );
  return { token, expiresAt, member: toMember(member), team: await organisationOf(db, member.team_id) };
}

/** The renewal state of a token: its provider's refresh token and the organisation's provider. */
export async function sessionOf(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('tokens')
    .innerJoin('members', 'members.id', 'tokens.member_id')
    .innerJoin('teams', 'teams.id', 'members.team_id')
    .select(['tokens.hash', 'tokens.refresh_token', 'tokens.expires_at', 'teams.sso', 'teams.id as orgId'])
    .where('tokens.hash', '=', hashSecret(token))
    .executeTakeFirst();
}

/** The provider still accepts the person: the token lasts another period, with the provider's new refresh token. */
export async function extendSession(
  db: Kysely<Database>,
  hash: string,
  days: number,
  refreshToken: string | null,
  now = Date.now(),
) {
  const expiresAt = isoAt(now + days * 86_400_000);
  await db
    .updateTable('tokens')
    .set({ expires_at: expiresAt, ...(refreshToken ? { refresh_token: refreshToken } : {}) })
    .where('hash', '=', hash)
    .execute();
  return expiresAt;
}

/** The provider refused the person (they left): this token stops now, and its streams close. */
export async function endSession(db: Kysely<Database>, hash: string, now = Date.now()) {
  await db
    .updateTable('tokens')
    .set({ revoked_at: isoAt(now), refresh_token: null })
    .where('hash', '=', hash)
    .execute();
}
