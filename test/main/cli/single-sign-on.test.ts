// Sign in with the company's identity provider, end to end: oidc-provider as the company's
// provider, the team server, and `ricochet login --sso` in its own process whose $BROWSER is a
// script that follows the redirects and fills the provider's forms. No invite code anywhere.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreState } from '../../../main/cache/core-state';
import { LocalCache } from '../../../main/cache/local-cache';
import { FileSecretStore } from '../../../main/profile/secret-store';
import { startIdentityProvider, type Person } from '../../support/identity-provider';
import { cli } from '../../support/run-cli';
import { openStream } from '../../support/stream-client';
import { client, teamServer } from '../../support/team-server';
import { hashSecret } from '../../../server/store/secrets';

const bin = join(import.meta.dirname, '../../../bin/ricochet.mjs');
const browser = join(import.meta.dirname, '../../support/stand-ins/follow-browser.mjs');

describe('ricochet login --sso', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  const people: Record<string, Person> = {
    chloe: { email: 'chloe@acme.example', name: 'Chloé Martin' },
    eve: { email: 'eve@elsewhere.example', name: 'Eve' },
  };
  const profile = mkdtempSync(join(tmpdir(), 'ricochet-sso-'));
  const browserLog = join(profile, 'browser.log');
  /** `ricochet` as a person runs it, its browser signing in as `login`. */
  const ricochet = (login: string, ...argv: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [bin, ...argv],
        {
          env: {
            ...process.env,
            BROWSER: `${process.execPath} ${browser} %s`,
            BROWSER_LOGIN: login,
            RICOCHET_TEST_BROWSER_LOG: browserLog,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );

  beforeAll(async () => {
    t = await teamServer('sqlite');
    idp = await startIdentityProvider([`${t.url}/v1/sso/callback`], people);
    const set = await cli(
      'admin',
      'sso',
      '--org',
      t.team.team.id,
      '--issuer',
      idp.issuer,
      '--client-id',
      idp.client.id,
      '--client-secret-env',
      'IDP_SECRET',
      '--domains',
      'acme.example',
      '--prompt',
      'consent',
      '--data',
      t.storage.kind === 'sqlite' ? t.storage.dataDir : '',
    );
    expect(set.stdout, set.stderr).toMatch(
      /^Single sign-on set: https:\/\/127\.0\.0\.1:\d+ for acme\.example\./,
    );
  }, 60_000);
  afterAll(async () => {
    await idp?.close();
    await t?.server.close();
  });
  process.env['IDP_SECRET'] = 'a-client-secret-only-for-this-test-run';

  it('a newcomer with only the server address and a company account is on the board', async () => {
    const started = Date.now();
    const signed = await ricochet('chloe', 'login', '--server', t.url, '--sso', '--profile', profile);
    expect(signed.stdout, `${signed.stderr}\n${readFileSync(browserLog, 'utf8')}`).toBe(
      'Signed in to Acme as Chloé Martin <chloe@acme.example> with your company account.\n',
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    // The browser never saw a token: only a one-time code came back to this computer.
    const token = new FileSecretStore(profile).get('token')!;
    expect(readFileSync(browserLog, 'utf8')).not.toContain(token);
    expect(readFileSync(browserLog, 'utf8')).toContain('You are signed in to Ricochet');
    const board = JSON.parse((await ricochet('chloe', 'board', '--json', '--profile', profile)).stdout);
    expect(board.online).toBe(true);
    expect(board.members.map((m: { name: string }) => m.name)).toEqual(['Ana', 'Bob', 'Chloé Martin']);
    // Signing in again (another computer) finds the same person, not a second one.
    const second = mkdtempSync(join(tmpdir(), 'ricochet-sso2-'));
    await ricochet('chloe', 'login', '--server', t.url, '--sso', '--profile', second);
    const members = (await t.admin.api('GET', '/v1/board')).body.members as { name: string }[];
    expect(members.filter((m) => m.name === 'Chloé Martin')).toHaveLength(1);
    // A token from single sign-on ends: past its end it is refused, and the app says to sign in again.
    const other = new FileSecretStore(second).get('token')!;
    await t.server.context.storage.db
      .updateTable('tokens')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('hash', '=', hashSecret(other))
      .execute();
    expect((await client(t.url, other)('GET', '/v1/me')).status).toBe(401);
    const ended = await ricochet('chloe', 'board', '--profile', second);
    expect(ended.stdout.split('\n')[0]).toContain('your company sign-in has ended: sign in again');
  }, 60_000);

  it('an account of another domain is refused, and says why', async () => {
    const refused = await ricochet(
      'eve',
      'login',
      '--server',
      t.url,
      '--sso',
      '--profile',
      mkdtempSync(join(tmpdir(), 'ricochet-eve-')),
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'eve@elsewhere.example: accounts of elsewhere.example cannot sign in to this organisation',
    );
  }, 60_000);

  it('renews while the provider accepts me; disabled there, my stream closes within 2 s and the app says sign in again', async () => {
    const token = new FileSecretStore(profile).get('token')!;
    const ageRenewal = () => {
      const cache = new LocalCache(profile);
      const state = new CoreState(cache);
      const identity = state.read('identity')!;
      state.writer('identity')({
        ...identity,
        session: { ...identity.session!, renewedAt: '2020-01-01T00:00:00Z' },
      });
      cache.close();
      return identity.session!.expiresAt;
    };
    const readSession = () => {
      const cache = new LocalCache(profile);
      const session = new CoreState(cache).read('identity')!.session!;
      cache.close();
      return session;
    };
    const before = ageRenewal();
    await new Promise((r) => setTimeout(r, 20));
    expect((await ricochet('chloe', 'sync', '--profile', profile)).code).toBe(0);
    expect(readSession().expiresAt > before).toBe(true);

    const stream = await openStream(t.url, token);
    await stream.until(() => stream.messages.some((m) => m.type === 'ready'));
    const closed = new Promise<number>((resolve) => stream.ws.once('close', (code) => resolve(code)));
    people['chloe']!.disabled = true;
    ageRenewal();
    const at = Date.now();
    await ricochet('chloe', 'sync', '--profile', profile);
    expect(await closed).toBe(4401);
    expect(Date.now() - at).toBeLessThan(2_000 + 1_500); // the renewal itself, then at most 2 s
    expect((await client(t.url, token)('GET', '/v1/me')).status).toBe(401);
    const board = await ricochet('chloe', 'board', '--profile', profile);
    expect(board.stdout.split('\n')[0]).toContain('your company sign-in has ended: sign in again');
  }, 60_000);
});
