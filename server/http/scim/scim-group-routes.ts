import { noContent } from '../routes/route-kit';
import { ApiError } from '../../store/api-error';
import { deleteGroup, directoryGroups, provisionGroup, renameGroup } from '../../store/directory';
import { setInGroup } from '../../store/groups';
import { groupResource, listOf, parseFilter } from './scim-resources';
import { scimErrors, type ScimKit } from './scim-kit';
import {
  memberRefs,
  scimGroup,
  scimGroupBody,
  scimIdParams,
  scimList,
  scimListQuery,
  scimPatchBody,
  type ScimOperation,
} from './scim-schemas';

/** What a group PATCH does, read from Entra's and Okta's forms of it. */
interface GroupChange {
  name?: string;
  add: string[];
  remove: string[];
  /** The members exactly (a replace), or undefined. */
  exactly?: string[];
  removeAll?: boolean;
}

function groupChanges(operations: readonly ScimOperation[]): GroupChange {
  const change: GroupChange = { add: [], remove: [] };
  const refs = (value: unknown) => (value === undefined ? [] : memberRefs.parse(value).map((r) => r.value));
  for (const { op, path, value } of operations) {
    const one = path && /^members\[value eq "([^"]+)"\]$/i.exec(path.trim());
    if (one && op === 'remove') change.remove.push(one[1]!);
    else if (path?.toLowerCase() === 'members') {
      if (op === 'add') change.add.push(...refs(value));
      else if (op === 'replace') change.exactly = refs(value);
      else if (value === undefined) change.removeAll = true;
      else change.remove.push(...refs(value));
    } else if (path?.toLowerCase() === 'displayname') {
      if (op !== 'remove' && typeof value === 'string') change.name = value;
    } else if (!path && value && typeof value === 'object' && !Array.isArray(value)) {
      // Okta: {op: "replace", value: {id, displayName}}; members in a value object as well.
      const v = value as Record<string, unknown>;
      if (typeof v['displayName'] === 'string') change.name = v['displayName'];
      if (v['members'] !== undefined) {
        if (op === 'add') change.add.push(...refs(v['members']));
        else change.exactly = refs(v['members']);
      }
    }
  }
  return change;
}

/** Teams from the directory: a group is a team, its members the team's people. */
export function scimGroupRoutes({ app, context, mutate, orgOf, base }: ScimKit) {
  const { db } = context.storage;
  const ok = <E extends object>(extra: E) => ({
    config: { public: true },
    schema: { hide: true, response: { 200: scimGroup, ...scimErrors }, ...extra },
  });
  const made = <E extends object>(extra: E) => ({
    config: { public: true },
    schema: { hide: true, response: { 201: scimGroup, ...scimErrors }, ...extra },
  });
  const groupOf = async (org: string, id: string) => {
    const [group] = await directoryGroups(db, org, { id });
    if (!group) throw new ApiError(404, 'not_found', 'group not found');
    return group;
  };
  /** Each change through the one write path: every stream of the organisation hears of it. */
  const place = async (org: string, groupId: string, ids: readonly string[], inGroup: boolean) => {
    for (const id of new Set(ids))
      await mutate({ org, store: () => setInGroup(db, groupId, id, inGroup, context.now()) }).catch(
        (error: ApiError) => {
          // Taking out someone already gone changes nothing; adding someone unknown is refused.
          if (inGroup || error.status !== 404) throw error;
        },
      );
  };
  const apply = async (org: string, groupId: string, change: GroupChange) => {
    if (change.name !== undefined)
      await mutate({ org, store: () => renameGroup(db, org, groupId, change.name!, context.now()) });
    const members = (await groupOf(org, groupId)).members.map((m) => m.id);
    if (change.exactly) {
      await place(
        org,
        groupId,
        change.exactly.filter((id) => !members.includes(id)),
        true,
      );
      await place(
        org,
        groupId,
        members.filter((id) => !change.exactly!.includes(id)),
        false,
      );
    }
    if (change.removeAll) await place(org, groupId, members, false);
    await place(org, groupId, change.add, true);
    await place(org, groupId, change.remove, false);
  };

  app.get(
    '/scim/v2/Groups',
    {
      config: { public: true },
      schema: {
        hide: true,
        querystring: scimListQuery,
        response: { 200: scimList(scimGroup), ...scimErrors },
      },
    },
    async (request) => {
      const filter = parseFilter(request.query.filter, ['displayName']);
      const groups = await directoryGroups(db, orgOf(request), filter);
      return listOf(
        groups.map((g) => groupResource(g, base(request))),
        request.query,
      );
    },
  );
  app.post('/scim/v2/Groups', made({ body: scimGroupBody }), async (request, reply) => {
    const org = orgOf(request);
    const { displayName, externalId, members = [] } = request.body;
    const id = await mutate({
      org,
      store: () => provisionGroup(db, org, displayName, externalId, context.now()),
    });
    await place(
      org,
      id,
      members.map((m) => m.value),
      true,
    );
    return reply.code(201).send(groupResource(await groupOf(org, id), base(request)));
  });
  app.get('/scim/v2/Groups/:id', ok({ params: scimIdParams }), async (request) =>
    groupResource(await groupOf(orgOf(request), request.params.id), base(request)),
  );
  app.put('/scim/v2/Groups/:id', ok({ params: scimIdParams, body: scimGroupBody }), async (request) => {
    const org = orgOf(request);
    const group = await groupOf(org, request.params.id);
    await apply(org, group.id, {
      ...(request.body.displayName !== group.name ? { name: request.body.displayName } : {}),
      add: [],
      remove: [],
      exactly: (request.body.members ?? []).map((m) => m.value),
    });
    return groupResource(await groupOf(org, group.id), base(request));
  });
  app.patch('/scim/v2/Groups/:id', ok({ params: scimIdParams, body: scimPatchBody }), async (request) => {
    const org = orgOf(request);
    const group = await groupOf(org, request.params.id);
    await apply(org, group.id, groupChanges(request.body.Operations));
    return groupResource(await groupOf(org, group.id), base(request));
  });
  app.delete(
    '/scim/v2/Groups/:id',
    {
      config: { public: true },
      schema: { hide: true, params: scimIdParams, response: { 204: noContent('gone'), ...scimErrors } },
    },
    async (request, reply) => {
      const org = orgOf(request);
      const group = await groupOf(org, request.params.id);
      await mutate({ org, store: () => deleteGroup(db, org, group.id, context.now()) });
      return reply.code(204).send(null);
    },
  );
}
