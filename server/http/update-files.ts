import type { FastifyInstance } from 'fastify';
import sirv from 'sirv';

/** Where the desktop's updater looks: electron-updater's `generic` provider takes this as its url. */
export const UPDATES_PATH = '/updates/';

/**
 * The installers and their `latest*.yml` from a folder, for electron-updater's generic provider.
 * sirv (already serving the web app) answers Range requests, which the updater uses to fetch only
 * the blocks that changed, and never leaves the folder. The yml files are revalidated on every
 * check (a new release shows at once); installers are named by version, so they are immutable.
 * Public and outside the per-address limit: installers hold no secret, and a whole company behind
 * one NAT address downloads the same release at once.
 */
export function serveUpdates(app: FastifyInstance, dir: string): void {
  const files = sirv(dir, {
    dev: false,
    etag: true,
    dotfiles: false,
    setHeaders: (res, path) => {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('accept-ranges', 'bytes');
      res.setHeader(
        'cache-control',
        /\.ya?ml$/i.test(path) ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
  const notFound = (url: string) =>
    JSON.stringify({ error: 'not_found', message: `no update file ${url.split('?')[0]}` });
  app.route({
    method: 'GET', // and HEAD, which Fastify adds (Node sends no body for it)
    url: `${UPDATES_PATH}*`,
    config: { public: true, rateLimit: false },
    schema: { hide: true },
    handler: (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      const asked = request.url;
      request.raw.url = asked.slice(UPDATES_PATH.length - 1);
      files(request.raw, res, () => {
        res.writeHead(404, { 'content-type': 'application/json' }).end(notFound(asked));
      });
    },
  });
}
