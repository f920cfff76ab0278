import {
  announceWrites,
  calendarApps,
  setCalendarApps,
  type Storage,
  createInvite,
  createOrganisation,
  findGroup,
  listMembers,
  selfOf,
  openStorage,
  promoteMember,
  prunePosts,
  removeMember,
  revokeInvite,
  rotateToken,
} from '../../../server/index';
import { teamAction, teamActions, teamActionsUsage, teamActionText } from './admin-team-actions';
import {
  companyAction,
  companyActions,
  companyActionsUsage,
  companyActionText,
} from './admin-company-actions';
import { memberRef } from './member-ref';
import { need, parseFlags, printJson, UsageError, type CliCommand, type CliIo } from '../command';
import { terminalText } from '../terminal-text';
import { storageFlags, storageFrom } from './storage-flags';

const usage = `Usage: ricochet admin <action> [--data <dir> | --database-url postgres://…] [--json]
  create-organisation --name <n> --admin-name <n> --admin-email <e>
                                (an organisation and its admin; no team until you make one, so
                                everyone sees everyone; create-team is the old name of this action)
  invite --org <id> [--into <team> | --org-only] [--uses <n>] [--expires <duration: 30m, 12h, 7d>]
                                (default: 25 uses, 14 days; joiners enter the organisation's first
                                team if it has one, or --into that team, or --org-only none)
  revoke-invite --org <id> --code <code>
  members --org <id>
${teamActionsUsage}
  remove --member <who> [--org <id>]     (takes them out of the organisation; revokes their tokens)
  rotate-token --member <who> [--org <id>]    (a lost laptop: signs all their devices out, one new
                                token; another device of theirs is added with ricochet device add)
  promote --member <who> [--org <id>]    (makes a member an admin of the organisation; the only
                                admin cannot be removed)
                                (<who>: a member id, or with --org their email or name)
${companyActionsUsage}
  calendar-apps --org <id> [--microsoft <client-id> [--tenant <id>] [--authority <url>] [--graph <url>]]
                [--google <client-id> [--google-secret-env <VAR>] [--auth-url <url>] [--token-url <url>] [--api <url>]]
                                (the apps members connect Microsoft 365 and Google calendars with, and
                                a national cloud's addresses; without --microsoft or --google: shows
                                them; "none" forgets one)
  prune-posts --org <id> --older-than <duration: 365d>   (posts are kept unless you prune them;
                                every device of the team then reloads the team at its next sync)
Works on the server's database whether the server runs or not. --team <id> still works for --org.`;

export function parseDuration(text: string, flag = '--expires'): number {
  const m = /^(\d+(?:\.\d+)?)\s*(m|h|d)$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag}: "${text}" is not a duration like 30m, 12h or 7d`);
  const ms = Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
  // "0m" would make an invite born expired, or prune every post: refused, not obeyed.
  if (ms < 60_000) throw new UsageError(`${flag}: "${text}" is shorter than a minute`);
  return ms;
}

const adminFlags = {
  ...storageFlags,
  json: { type: 'boolean' },
  name: { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-email': { type: 'string' },
  team: { type: 'string' },
  org: { type: 'string' },
  into: { type: 'string' },
  'org-only': { type: 'boolean' },
  to: { type: 'string' },
  from: { type: 'string' },
  member: { type: 'string' },
  uses: { type: 'string' },
  expires: { type: 'string' },
  code: { type: 'string' },
  revoke: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-env': { type: 'string' },
  domains: { type: 'string' },
  'token-days': { type: 'string' },
  prompt: { type: 'string' },
  'older-than': { type: 'string' },
  microsoft: { type: 'string' },
  tenant: { type: 'string' },
  google: { type: 'string' },
  'google-secret-env': { type: 'string' },
  authority: { type: 'string' },
  graph: { type: 'string' },
  'auth-url': { type: 'string' },
  'token-url': { type: 'string' },
  api: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseFlags<typeof adminFlags>>['values'];

async function act(action: string, argv: string[], io: CliIo): Promise<unknown> {
  const { values } = parseFlags(argv, adminFlags);
  // The organisation was called a team before it could hold teams: the old action name stays.
  if (action === 'create-team') action = 'create-organisation';
  const known = [
    'create-organisation',
    'invite',
    'revoke-invite',
    'members',
    'remove',
    'rotate-token',
    ...companyActions,
    'prune-posts',
    'promote',
    'calendar-apps',
    ...teamActions,
  ];
  if (!known.includes(action)) throw new UsageError(`unknown action "${action}"`);
  // An organisation was called a team before it could hold teams: --team still names it.
  const org = values.org ?? values.team;
  const storage = await openStorage(storageFrom(values, io));
  try {
    // Written through the store like the API; then the running servers are told, so open
    // boards and streams see it now (a removal closes its streams), not at their next sync.
    const result = await run(action, storage, values, org, io);
    await announceWrites(storage).catch(() => {});
    return result;
  } finally {
    await storage.close();
  }
}

async function run(
  action: string,
  storage: Storage,
  values: Values,
  org: string | undefined,
  io: CliIo,
): Promise<unknown> {
  if (teamActions.includes(action)) return await teamAction(storage.db, action, { ...values, org });
  if (companyActions.includes(action)) return await companyAction(storage.db, action, values, org, io.env);
  const who = () => memberRef(storage.db, org, need(values.member, '--member'));
  switch (action) {
    case 'create-organisation': {
      const created = await createOrganisation(storage.db, {
        name: need(values.name, '--name'),
        adminName: need(values['admin-name'], '--admin-name'),
        adminEmail: need(values['admin-email'], '--admin-email'),
      });
      // The creator is this admin member: they log in with its token, never join again. The
      // line to copy names no token (a token typed in a command stays in the shell's history).
      return {
        ...created,
        // `team` is the organisation's old name in this answer, kept for scripts that read it.
        organisation: created.team,
        login: `read -rs RICOCHET_TOKEN && export RICOCHET_TOKEN && ricochet login --server <this server's address> --token-env RICOCHET_TOKEN`,
      };
    }
    case 'invite': {
      const uses = values.uses === undefined ? undefined : Number(values.uses);
      if (uses !== undefined && !(Number.isInteger(uses) && uses > 0))
        throw new UsageError('--uses must be a whole number above 0');
      const expiresAt = values.expires
        ? new Date(Date.now() + parseDuration(values.expires)).toISOString()
        : undefined;
      const orgId = need(org, '--org');
      const groupId = values['org-only']
        ? null
        : values.into
          ? (await findGroup(storage.db, orgId, values.into)).id
          : undefined;
      return await createInvite(storage.db, orgId, { uses, expiresAt, groupId });
    }
    case 'revoke-invite':
      await revokeInvite(storage.db, need(org, '--org'), need(values.code, '--code'));
      return { revoked: true };
    case 'members': {
      // `teamId` is kept for scripts written before organisations; `organisationId` says what it is.
      const members = await listMembers(storage.db, need(org, '--org'));
      return { members: members.map((m) => ({ ...selfOf(m), organisationId: m.orgId })) };
    }
    case 'remove':
      return { removed: await removeMember(storage.db, (await who()).id) };
    case 'promote':
      return { promoted: await promoteMember(storage.db, (await who()).id) };
    case 'calendar-apps': {
      const orgId = need(org, '--org');
      const secretVar = values['google-secret-env'];
      const secret = secretVar ? io.env[secretVar] : undefined;
      if (secretVar && !secret)
        throw new UsageError(`--google-secret-env names ${secretVar}, which is not set`);
      if (values.microsoft === undefined && values.google === undefined)
        return { apps: await calendarApps(storage.db, orgId) };
      const pick = (value: string | undefined, rest: object) =>
        value === undefined ? undefined : value === 'none' ? null : { clientId: value, ...rest };
      const given = (pairs: [string, string | undefined][]) =>
        Object.fromEntries(pairs.filter((p): p is [string, string] => !!p[1]));
      const microsoft = pick(
        values.microsoft,
        given([
          ['tenant', values.tenant],
          ['authority', values.authority],
          ['graph', values.graph],
        ]),
      );
      const google = pick(
        values.google,
        given([
          ['clientSecret', secret],
          ['authUrl', values['auth-url']],
          ['tokenUrl', values['token-url']],
          ['api', values.api],
        ]),
      );
      return {
        apps: await setCalendarApps(storage.db, orgId, {
          ...(microsoft !== undefined ? { microsoft } : {}),
          ...(google !== undefined ? { google } : {}),
        }),
      };
    }
    case 'prune-posts': {
      const age = parseDuration(need(values['older-than'], '--older-than'), '--older-than');
      const before = new Date(Date.now() - age).toISOString();
      return { pruned: await prunePosts(storage.db, need(org, '--org'), before), before };
    }
    default:
      return { token: await rotateToken(storage.db, (await who()).id) };
  }
}

export const adminCommand: CliCommand = {
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (!action) throw new UsageError('name an action');
    const result = await act(action, rest, io);
    if (rest.includes('--json')) printJson(io, result);
    else io.out(adminText(action, result as never));
    return 0;
  },
};

/** What an admin action did, in words (--json prints the object). */
function adminText(action: string, r: Record<string, never>): string {
  const lines: string[] = [];
  const any = r as unknown as Record<string, unknown> & {
    team?: { id: string; name: string };
    admin?: { name: string; email: string };
    members?: { id: string; name: string; email: string; role: string }[];
    removed?: { name: string };
  };
  if (teamActions.includes(action)) {
    lines.push(...teamActionText(action, r));
  } else if (companyActions.includes(action)) {
    lines.push(...companyActionText(action, r));
  } else if (action === 'create-team' || action === 'create-organisation') {
    lines.push(
      `Organisation "${any.team!.name}" created (id ${any.team!.id}). It has no team yet: everyone who joins sees everyone, until you make teams (admin team-create, team-add).`,
    );
    lines.push(`Admin: ${any.admin!.name} <${any.admin!.email}>, token ${String(any['token'])}`);
    lines.push(`Log in as that admin (paste the token when asked): ${String(any['login'])}`);
    lines.push(`Invite for teammates: ${String(any['invite'])}`);
  } else if (action === 'invite') {
    const uses = any['uses'] === null ? 'unlimited uses' : `${String(any['uses'])} use(s)`;
    const expires = any['expiresAt'] ? `, expires ${String(any['expiresAt'])}` : '';
    lines.push(`Invite code: ${String(any['code'])} (${uses}${expires})`);
  } else if (action === 'revoke-invite') {
    lines.push('Invite revoked: its code no longer works.');
  } else if (action === 'members') {
    for (const m of any.members ?? []) lines.push(`${m.id}  ${m.role.padEnd(6)}  ${m.name} <${m.email}>`);
    if (lines.length === 0) lines.push('no members');
  } else if (action === 'promote') {
    lines.push(`${String((any['promoted'] as { name: string }).name)} is now an admin of the organisation.`);
  } else if (action === 'calendar-apps') {
    const apps = any['apps'] as {
      microsoft: { clientId: string; tenant?: string } | null;
      google: { clientId: string } | null;
    };
    lines.push(
      `Microsoft 365: ${apps.microsoft ? `${apps.microsoft.clientId}${apps.microsoft.tenant ? ` (tenant ${apps.microsoft.tenant})` : ''}` : 'not set'}`,
      `Google: ${apps.google ? apps.google.clientId : 'not set'}`,
      'Members see "Connect Microsoft 365" and "Connect Google" in Settings with these apps.',
    );
  } else if (action === 'prune-posts') {
    lines.push(`Pruned ${String(any['pruned'])} post(s) written before ${String(any['before'])}.`);
  } else if (action === 'remove') {
    lines.push(
      `Removed ${any.removed?.name ?? 'the member'} from the organisation; their tokens no longer work.`,
    );
  } else {
    lines.push(`New token: ${String(any['token'])} (every device of theirs is signed out)`);
  }
  return `${lines.map(terminalText).join('\n')}\n`;
}
