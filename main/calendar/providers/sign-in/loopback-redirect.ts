import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The redirect of a native app's sign-in (RFC 8252): a one-request server on 127.0.0.1 at a
 * port the system picks. It takes the first answer that carries the expected state, shows a
 * short page, and closes; anything else (a favicon, a stray request) is answered and ignored.
 */
export async function loopbackRedirect(
  pages: { done: string; failed: string } = {
    done: 'Ricochet can read your calendar now. You can close this page.',
    failed: 'Signing in did not work. Go back to Ricochet to see why.',
  },
) {
  let settle!: (params: URLSearchParams) => void;
  const answered = new Promise<URLSearchParams>((resolve) => (settle = resolve));
  let expected = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = url.searchParams;
    if (
      url.pathname !== '/callback' ||
      params.getAll('state').length !== 1 ||
      params.get('state') !== expected
    ) {
      res.writeHead(params.has('code') || params.has('error') ? 400 : 404).end();
      return;
    }
    const ok = params.has('code');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><meta charset="utf-8"><title>Ricochet</title><p>${ok ? pages.done : pages.failed}</p>`,
      );
    settle(params);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    /** The answer to the request made with this state. */
    wait(state: string) {
      expected = state;
      return answered;
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
