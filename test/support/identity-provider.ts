import { createServer } from 'node:https';
import Provider from 'oidc-provider';
import { freePort } from './free-port';
import { testCa } from './test-ca';

export interface Person {
  email: string;
  name: string;
  /** Disabled at the provider: it no longer signs in nor renews (as when someone leaves). */
  disabled?: boolean;
}

/**
 * The company's identity provider: oidc-provider (a certified OpenID Provider) on loopback over
 * https with the test CA, with its development sign-in pages (any password; the login is the
 * account's id) and one confidential client for the team server.
 */
export async function startIdentityProvider(redirectUris: string[], people: Record<string, Person>) {
  const port = await freePort();
  const issuer = `https://127.0.0.1:${port}`;
  const client = { id: 'ricochet-team-server', secret: 'a-client-secret-only-for-this-test-run' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['cookie-key-only-for-this-test-run'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, sub) => {
      const person = people[sub];
      if (!person || person.disabled) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: person.email, email_verified: true, name: person.name }),
      };
    },
  });
  provider.proxy = false;
  const { key, cert } = testCa();
  const server = createServer({ key, cert }, provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    client,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
