import { createGroup, findGroup, listGroups, setInGroup } from '../../../server/index';
import { UsageError } from '../command';

type Db = Parameters<typeof listGroups>[0];

export const teamActionsUsage = `  teams --org <id>              (the organisation's teams and who is in each)
  team-create --org <id> --name <n>
  team-add --org <id> --to <team> --member <id>       (a person may be in several teams)
  team-remove --org <id> --from <team> --member <id>  (they stay in the organisation)
                                (<team>: its id or its name)`;

export const teamActions = ['teams', 'team-create', 'team-add', 'team-remove'];

const need = (value: string | undefined, flag: string) => {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
};

interface TeamFlags {
  org?: string;
  name?: string;
  to?: string;
  from?: string;
  member?: string;
}

/** Teams of an organisation: groups of its people, made and filled by an admin. */
export async function teamAction(store: Db, action: string, values: TeamFlags): Promise<unknown> {
  const org = need(values.org, '--org');
  if (action === 'teams') return { teams: await listGroups(store, org) };
  if (action === 'team-create') return { team: await createGroup(store, org, need(values.name, '--name')) };
  const adding = action === 'team-add';
  const group = await findGroup(
    store,
    org,
    need(adding ? values.to : values.from, adding ? '--to' : '--from'),
  );
  const member = need(values.member, '--member');
  const changed = await setInGroup(store, group.id, member, adding);
  // Out of their last team, they do not see the organisation instead: say what they keep.
  const inNoTeam =
    !adding && !(await listGroups(store, org)).some((g) => g.members.some((m) => m.id === member));
  return { team: { id: group.id, name: group.name }, member, changed, in: adding, inNoTeam };
}

/** What a team action did, in words. */
export function teamActionText(action: string, result: Record<string, never>): string[] {
  const r = result as unknown as {
    teams?: { id: string; name: string; members: { id: string; name: string }[] }[];
    team?: { id: string; name: string };
    changed?: boolean;
    in?: boolean;
    member?: string;
    inNoTeam?: boolean;
  };
  if (action === 'teams') {
    if (!r.teams?.length) return ['no teams'];
    return r.teams.map(
      (t) =>
        `${t.id}  ${t.name} (${t.members.length}): ${t.members.map((m) => m.name).join(', ') || 'nobody yet'}`,
    );
  }
  if (action === 'team-create') return [`Team "${r.team!.name}" created (id ${r.team!.id}).`];
  const where = `team "${r.team!.name}"`;
  if (!r.changed) return [`${r.member} was already ${r.in ? 'in' : 'out of'} ${where}: nothing changed.`];
  if (r.in) return [`Added ${r.member} to ${where}.`];
  return [
    `Took ${r.member} out of ${where}.`,
    ...(r.inNoTeam
      ? [
          `${r.member} is no longer in any team: they stay in the organisation and keep its directory, the people they star (free/busy and status) and the posts that name them; no team's posts or meeting titles reach them.`,
        ]
      : []),
  ];
}
