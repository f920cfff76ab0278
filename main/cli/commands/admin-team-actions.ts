import { createGroup, findGroup, listGroups, listMembers, setInGroup } from '../../../server/index';
import { need } from '../command';
import { memberRef } from './member-ref';

type Db = Parameters<typeof listGroups>[0];

export const teamActionsUsage = `  teams --org <id>              (the organisation's teams and who is in each)
  team-create --org <id> --name <n>
  team-add --org <id> --to <team> --member <who>       (a person may be in several teams)
  team-remove --org <id> --from <team> --member <who>  (they stay in the organisation, and see
                                only their stars and the posts naming them until placed again)
                                (<team>: its id or its name; <who>: a member id, email or name)`;

export const teamActions = ['teams', 'team-create', 'team-add', 'team-remove'];

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
  const person = await memberRef(store, org, need(values.member, '--member'));
  const member = person.id;
  const changed = await setInGroup(store, group.id, member, adding);
  // Out of their last team, they do not see the organisation instead: say what they keep.
  const teams = await listGroups(store, org);
  const inNoTeam = !adding && !teams.some((g) => g.members.some((m) => m.id === member));
  const memberName = (await listMembers(store, org)).find((m) => m.id === member)?.name ?? person.name;
  return { team: { id: group.id, name: group.name }, member, memberName, changed, in: adding, inNoTeam };
}

/** What a team action did, in words. */
export function teamActionText(action: string, result: Record<string, never>): string[] {
  const r = result as unknown as {
    teams?: { id: string; name: string; members: { id: string; name: string }[] }[];
    team?: { id: string; name: string };
    changed?: boolean;
    in?: boolean;
    member?: string;
    memberName?: string;
    inNoTeam?: boolean;
  };
  const who = r.memberName ?? r.member;
  if (action === 'teams') {
    if (!r.teams?.length) return ['no teams'];
    return r.teams.map(
      (t) =>
        `${t.id}  ${t.name} (${t.members.length}): ${t.members.map((m) => m.name).join(', ') || 'nobody yet'}`,
    );
  }
  if (action === 'team-create') return [`Team "${r.team!.name}" created (id ${r.team!.id}).`];
  const where = `team "${r.team!.name}"`;
  if (!r.changed) return [`${who} was already ${r.in ? 'in' : 'out of'} ${where}: nothing changed.`];
  if (r.in) return [`Added ${who} to ${where}.`];
  return [
    `Took ${who} out of ${where}.`,
    ...(r.inNoTeam
      ? [
          `${who} is no longer in any team: they stay in the organisation and keep its directory, the people they star (free/busy and status) and the posts that name them; no team's posts or meeting titles reach them.`,
        ]
      : []),
  ];
}
