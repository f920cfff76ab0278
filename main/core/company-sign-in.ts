import { createHash, randomBytes } from 'node:crypto';
import { loopbackRedirect } from '../calendar/providers/sign-in/loopback-redirect';
import type { OpenBrowser } from '../calendar/providers/sign-in/open-browser';
import { SIGN_IN_TIMEOUT_MS, withTimeout } from '../calendar/providers/sign-in/sign-in-ui';
import { TeamApi } from '../sync/team-api';

/**
 * Signs in with the company's identity provider through the team server (RFC 8252): the system
 * browser opens the server's sign-in with this computer's loopback address; the server sends a
 * one-time code back there, and this computer collects its token with the verifier of the PKCE
 * challenge it started with. The token never travels in a URL.
 */
export async function signInWithCompany(input: {
  server: string;
  org?: string;
  device: string;
  open: OpenBrowser;
}) {
  const loop = await loopbackRedirect({
    done: 'You are signed in to Ricochet. You can close this page.',
    failed: 'Signing in did not work. Go back to Ricochet to see why.',
  });
  try {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const start = new URL('/v1/sso/start', input.server);
    start.searchParams.set('redirect', loop.redirectUri);
    start.searchParams.set('state', state);
    start.searchParams.set('challenge', createHash('sha256').update(verifier).digest('base64url'));
    if (input.org) start.searchParams.set('org', input.org);
    // Asked first, so a server without single sign-on says so here, not in a browser tab.
    await new TeamApi(input.server, undefined).ssoAvailable(input.org);
    await input.open(start.href);
    const answer = await withTimeout(
      loop.wait(state),
      SIGN_IN_TIMEOUT_MS,
      'no answer from the browser within 5 minutes: sign in again',
    );
    const code = answer.get('code');
    if (!code)
      throw new Error(answer.get('error_description') ?? answer.get('error') ?? 'the sign-in was refused');
    return await new TeamApi(input.server, undefined).ssoToken({ code, verifier, device: input.device });
  } finally {
    loop.close();
  }
}
