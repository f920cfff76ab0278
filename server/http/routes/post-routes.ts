import { postBody, postEditBody, postsQuery } from '../../../shared/protocol/schemas';
import { postData, postsResponse } from '../../../shared/protocol/responses';
import { createPost, deletePost, editPost, listPosts } from '../../store/posts';
import { answers, created, errors } from '../route-docs';
import { scopeOf } from '../../store/visibility';
import { nameIn } from '../recipient-limit';
import { idParams, me, noContent, type RouteKit } from './route-kit';

/** The organisation's feed (as each viewer may see it): posts and decisions, made, edited and deleted by their authors. */
export function postRoutes({ app, context, mutate }: RouteKit) {
  const { db } = context.storage;
  app.post(
    '/v1/posts',
    { schema: { body: postBody, response: created(postData, 'the post') } },
    async (request, reply) => {
      const caller = me(request);
      const named = request.body.mentions ?? [];
      await context.recipients.check(caller.id, named, nameIn(db));
      const { post, created: isNew } = await mutate({
        org: caller.orgId,
        store: () => createPost(db, caller, request.body, context.now()),
        changed: (r) => r.created,
      });
      if (isNew) context.recipients.note(caller.id, named);
      return reply.code(isNew ? 201 : 200).send(post);
    },
  );
  app.get(
    '/v1/posts',
    { schema: { querystring: postsQuery, response: answers(postsResponse, '{posts}, newest first') } },
    async (request) => {
      const query = request.query;
      const scope = await scopeOf(db, me(request).id);
      return { posts: await listPosts(db, me(request).orgId, query.before, query.limit, scope) };
    },
  );
  app.patch(
    '/v1/posts/:id',
    {
      schema: {
        description: 'edit one of your posts',
        params: idParams,
        body: postEditBody,
        response: answers(postData, 'the edited post'),
      },
    },
    async (request) => {
      const caller = me(request);
      return mutate({
        org: caller.orgId,
        store: () => editPost(db, caller, request.params.id, request.body, context.now()),
      });
    },
  );
  app.delete(
    '/v1/posts/:id',
    { schema: { params: idParams, response: { 204: noContent('deleted'), ...errors } } },
    async (request, reply) => {
      const caller = me(request);
      await mutate({
        org: caller.orgId,
        store: () => deletePost(db, caller, request.params.id, context.now()),
      });
      return reply.code(204).send(null);
    },
  );
}
