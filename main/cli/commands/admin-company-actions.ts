import {
  findGroup,
  getMember,
  listDevices,
  removeDevice,
  setDirectorySecret,
  setSso,
} from '../../../server/index';
import { need, UsageError } from '../command';
import { memberRef } from './member-ref';

type Db = Parameters<typeof setSso>[0];

/** What a company adds: its identity provider, its directory, and people's signed-in devices. */
export const companyActionsUsage = `  sso --org <id> --issuer <url> --client-id <id> --client-secret-env <VAR> [--domains a.example,b.example]
      [--into <team>] [--token-days 30] [--prompt consent]
                                (sign-in with the company's identity provider; redirect URI to
                                register there: <this server's address>/v1/sso/callback)
  scim --org <id>                (a new directory secret for SCIM from Entra ID or Okta; the old one
                                stops working. Their base URL: <this server's address>/scim/v2)
  sessions --member <who> [--org <id>] [--revoke <device id>]
                                (the member's signed-in devices, each with its name and last use;
                                --revoke signs one out at once, its stream closed)`;

export const companyActions = ['sso', 'scim', 'sessions'];

interface CompanyFlags {
  member?: string | undefined;
  revoke?: string | undefined;
  issuer?: string | undefined;
  'client-id'?: string | undefined;
  'client-secret-env'?: string | undefined;
  domains?: string | undefined;
  into?: string | undefined;
  'token-days'?: string | undefined;
  prompt?: string | undefined;
}

export async function companyAction(
  db: Db,
  action: string,
  values: CompanyFlags,
  org: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<unknown> {
  const who = () => memberRef(db, org, need(values.member, '--member'));
  switch (action) {
    case 'sso': {
      const orgId = need(org, '--org');
      const secretVar = need(values['client-secret-env'], '--client-secret-env');
      const clientSecret = env[secretVar];
      if (!clientSecret) throw new UsageError(`--client-secret-env names ${secretVar}, which is not set`);
      const days = values['token-days'] === undefined ? 30 : Number(values['token-days']);
      if (!(days >= 1 && days <= 365)) throw new UsageError('--token-days: a number of days from 1 to 365');
      const prompt = values.prompt as 'consent' | 'login' | 'select_account' | undefined;
      if (prompt && !['consent', 'login', 'select_account'].includes(prompt))
        throw new UsageError('--prompt: consent, login or select_account');
      const config = {
        issuer: need(values.issuer, '--issuer'),
        clientId: need(values['client-id'], '--client-id'),
        clientSecret,
        domains: (values.domains ?? '')
          .split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean),
        groupId: values.into ? (await findGroup(db, orgId, values.into)).id : null,
        tokenDays: days,
        ...(prompt ? { prompt } : {}),
      };
      await setSso(db, orgId, config);
      return { sso: { ...config, clientSecret: undefined } };
    }
    case 'scim':
      return { secret: await setDirectorySecret(db, need(org, '--org')), path: '/scim/v2' };
    case 'sessions': {
      const member = await getMember(db, (await who()).id);
      if (values.revoke) await removeDevice(db, member, values.revoke);
      const sessions = await listDevices(db, member.id);
      return { member: { id: member.id, name: member.name }, sessions, revoked: values.revoke ?? null };
    }
    default:
      throw new UsageError(`unknown action "${action}"`);
  }
}

/** What a company action did, in words. */
export function companyActionText(action: string, r: Record<string, never>): string[] {
  const lines: string[] = [];
  const any = r as unknown as Record<string, unknown>;
  if (action === 'sso') {
    const sso = any['sso'] as { issuer: string; domains: string[] };
    lines.push(
      `Single sign-on set: ${sso.issuer}${sso.domains.length ? ` for ${sso.domains.join(', ')}` : ''}.`,
      `Register the redirect URI <this server's address>/v1/sso/callback at the provider; people sign in with ricochet login --server <address> --sso, or Settings → Sign in with your company account.`,
    );
  } else if (action === 'scim') {
    lines.push(`Directory secret (shown once; the previous one no longer works): ${String(any['secret'])}`);
    lines.push(
      `In Entra ID or Okta: Tenant URL <this server's address>/scim/v2, Secret token the line above.`,
    );
  } else if (action === 'sessions') {
    const { member, sessions, revoked } = any as unknown as {
      member: { name: string };
      sessions: { id: string; name: string | null; createdAt: string; lastSeenAt: string | null }[];
      revoked: string | null;
    };
    if (revoked) lines.push(`Signed out ${revoked}: that device's token no longer works.`);
    lines.push(`${member.name}: ${sessions.length} signed-in device(s)`);
    for (const d of sessions)
      lines.push(
        `${d.id}  ${(d.name ?? '(unnamed device)').padEnd(28)} since ${d.createdAt.slice(0, 16).replace('T', ' ')}Z, last used ${d.lastSeenAt ? `${d.lastSeenAt.slice(0, 16).replace('T', ' ')}Z` : 'never'}`,
      );
  }
  return lines;
}
