import { openStorage } from '../../../server/index';
import { createInvite, createTeam, listMembers, removeMember, rotateToken } from '../../../server/index';
import { parseFlags, printJson, UsageError, type CliCommand, type CliIo } from '../command';
import { storageFlags, storageFrom } from './storage-flags';

const usage = `Usage: ricochet admin <action> [--data <dir> | --database-url postgres://…] [--json]
  create-team --name <n> --admin-name <n> --admin-email <e>
  invite --team <id> [--uses <n>] [--expires <duration: 30m, 12h, 7d>]
  members --team <id>
  remove --member <id>          (revokes its tokens)
  rotate-token --member <id>
Works on the server's database whether the server runs or not.`;

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(m|h|d)$/.exec(text.trim());
  if (!m) throw new UsageError(`--expires: "${text}" is not a duration like 30m, 12h or 7d`);
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}

const need = (value: string | undefined, flag: string) => {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
};

async function act(action: string, argv: string[], io: CliIo): Promise<unknown> {
  const { values } = parseFlags(argv, {
    ...storageFlags,
    json: { type: 'boolean' },
    name: { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-email': { type: 'string' },
    team: { type: 'string' },
    member: { type: 'string' },
    uses: { type: 'string' },
    expires: { type: 'string' },
  });
  const known = ['create-team', 'invite', 'members', 'remove', 'rotate-token'];
  if (!known.includes(action)) throw new UsageError(`unknown action "${action}"`);
  const storage = await openStorage(storageFrom(values, io));
  try {
    switch (action) {
      case 'create-team': {
        const created = await createTeam(storage.db, {
          name: need(values.name, '--name'),
          adminName: need(values['admin-name'], '--admin-name'),
          adminEmail: need(values['admin-email'], '--admin-email'),
        });
        // The creator is this admin member: they log in with its token, never join again.
        return {
          ...created,
          login: `ricochet login --server <this server's address> --token ${created.token}`,
        };
      }
      case 'invite': {
        const uses = values.uses === undefined ? undefined : Number(values.uses);
        if (uses !== undefined && !(Number.isInteger(uses) && uses > 0))
          throw new UsageError('--uses must be a whole number above 0');
        const expiresAt = values.expires
          ? new Date(Date.now() + parseDuration(values.expires)).toISOString()
          : undefined;
        return await createInvite(storage.db, need(values.team, '--team'), { uses, expiresAt });
      }
      case 'members':
        return { members: await listMembers(storage.db, need(values.team, '--team')) };
      case 'remove':
        return { removed: await removeMember(storage.db, need(values.member, '--member')) };
      default:
        return { token: await rotateToken(storage.db, need(values.member, '--member')) };
    }
  } finally {
    await storage.close();
  }
}

export const adminCommand: CliCommand = {
  name: 'admin',
  summary: 'Manage a team server: create a team, invite, list, remove members, rotate tokens.',
  usage,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (!action) throw new UsageError('name an action');
    const result = await act(action, rest, io);
    printJson(io, result);
    return 0;
  },
};
