import { noContent } from '../routes/route-kit';
import { ApiError } from '../../store/api-error';
import {
  directoryPeople,
  directoryPerson,
  provisionMember,
  updateDirectoryPerson,
} from '../../store/directory';
import { removeMember } from '../../store/members';
import { listOf, nameOf, parseFilter, personOf, userChanges, userResource } from './scim-resources';
import { scimErrors, type ScimKit } from './scim-kit';
import { scimIdParams, scimList, scimListQuery, scimPatchBody, scimUser, scimUserBody } from './scim-schemas';

const reactivation = () =>
  new ApiError(
    400,
    'mutability',
    'a deactivated user cannot be made active again here: provision them again (a new user with the same email)',
  );

/** People from the directory: provisioned, renamed, deactivated (removed, streams closed at once). */
export function scimUserRoutes({ app, context, mutate, orgOf, base }: ScimKit) {
  const { db } = context.storage;
  const ok = <E extends object>(extra: E) => ({
    config: { public: true },
    schema: { hide: true, response: { 200: scimUser, ...scimErrors }, ...extra },
  });
  const made = <E extends object>(extra: E) => ({
    config: { public: true },
    schema: { hide: true, response: { 201: scimUser, ...scimErrors }, ...extra },
  });
  const deactivate = (org: string, id: string) =>
    mutate({ org, store: () => removeMember(db, id, context.now()), removes: id });
  const current = async (org: string, id: string, url: string) =>
    userResource(await directoryPerson(db, org, id), url);

  app.get(
    '/scim/v2/Users',
    {
      config: { public: true },
      schema: {
        hide: true,
        querystring: scimListQuery,
        response: { 200: scimList(scimUser), ...scimErrors },
      },
    },
    async (request) => {
      const filter = parseFilter(request.query.filter, ['userName', 'externalId']);
      const people = await directoryPeople(db, orgOf(request), filter);
      return listOf(
        people.map((p) => userResource(p, base(request))),
        request.query,
      );
    },
  );
  app.post('/scim/v2/Users', made({ body: scimUserBody }), async (request, reply) => {
    const org = orgOf(request);
    const person = personOf(request.body);
    const member = await mutate({ org, store: () => provisionMember(db, org, person, context.now()) });
    if (request.body.active === false) await deactivate(org, member.id);
    return reply.code(201).send(await current(org, member.id, base(request)));
  });
  app.get('/scim/v2/Users/:id', ok({ params: scimIdParams }), async (request) =>
    current(orgOf(request), request.params.id, base(request)),
  );
  app.put('/scim/v2/Users/:id', ok({ params: scimIdParams, body: scimUserBody }), async (request) => {
    const org = orgOf(request);
    const found = await directoryPerson(db, org, request.params.id);
    if (!found.active) {
      if (request.body.active !== false) throw reactivation();
      return userResource(found, base(request));
    }
    const person = personOf(request.body);
    await mutate({ org, store: () => updateDirectoryPerson(db, found.member, person, context.now()) });
    if (request.body.active === false) await deactivate(org, found.member.id);
    return current(org, found.member.id, base(request));
  });
  app.patch('/scim/v2/Users/:id', ok({ params: scimIdParams, body: scimPatchBody }), async (request) => {
    const org = orgOf(request);
    const found = await directoryPerson(db, org, request.params.id);
    const change = userChanges(request.body.Operations);
    if (!found.active) {
      if (change.active === true) throw reactivation();
      return userResource(found, base(request));
    }
    const name = nameOf(change, found.member.name);
    if (name !== undefined || change.email !== undefined || change.externalId !== undefined)
      await mutate({
        org,
        store: () =>
          updateDirectoryPerson(db, found.member, {
            ...(name !== undefined ? { name } : {}),
            ...(change.email !== undefined ? { email: change.email } : {}),
            ...(change.externalId !== undefined ? { externalId: change.externalId } : {}),
          }),
      });
    if (change.active === false) await deactivate(org, found.member.id);
    return current(org, found.member.id, base(request));
  });
  app.delete(
    '/scim/v2/Users/:id',
    {
      config: { public: true },
      schema: { hide: true, params: scimIdParams, response: { 204: noContent('gone'), ...scimErrors } },
    },
    async (request, reply) => {
      const org = orgOf(request);
      const found = await directoryPerson(db, org, request.params.id);
      if (!found.active) throw new ApiError(404, 'not_found', 'user not found');
      await deactivate(org, found.member.id);
      return reply.code(204).send(null);
    },
  );
}
