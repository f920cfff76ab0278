import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { googleStandIn } from '../../support/stand-ins/google-stand-in';
import { microsoftStandIn } from '../../support/stand-ins/microsoft-stand-in';

const bin = new URL('../../../bin/ricochet.mjs', import.meta.url).pathname;
const follower = new URL('../../support/stand-ins/follow-browser.mjs', import.meta.url).pathname;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Tokens as the stand-ins make them (Microsoft's and Google's own prefixes): none may leak. */
const tokenLike = /0\.AR8A\.|eyJ0eXAi\.graph|ya29\.a0|1\/\/0g\.|4\/0A\./;

/** `ricochet` as its own process, with $BROWSER a script that follows the sign-in like a browser. */
function ricochet(profile: string, ...argv: string[]) {
  const log = join(profile, 'browser.log');
  return new Promise<{ code: number; stdout: string; stderr: string; log: string }>((resolve) =>
    execFile(
      process.execPath,
      [bin, ...argv, '--profile', profile],
      { env: { ...process.env, BROWSER: `${process.execPath} ${follower}`, RICOCHET_TEST_BROWSER_LOG: log } },
      (error, stdout, stderr) => {
        let seen: string;
        try {
          seen = readFileSync(log, 'utf8');
        } catch {
          seen = '';
        }
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, log: seen });
      },
    ),
  );
}

const window = [
  '--from',
  '2026-03-09T00:00:00Z',
  '--to',
  '2026-03-14T00:00:00Z',
  '--now',
  '2026-03-10T08:00:00Z',
  '--tz',
  'UTC',
];

function noTokenLeft(profile: string, outputs: string[]) {
  // The settings file holds the account and the app, never a token; the secrets file holds the sign-in.
  const config = readFileSync(join(profile, 'config.json'), 'utf8');
  expect(config).not.toMatch(tokenLike);
  expect(config).not.toMatch(/refresh|access_token|GOCSPX/i);
  expect(readFileSync(join(profile, 'credentials.json'), 'utf8')).toMatch(/"oauth:/);
  for (const output of outputs) expect(output).not.toMatch(tokenLike);
  for (const file of readdirSync(profile).filter((f) => /\.log$/.test(f)))
    expect(readFileSync(join(profile, file), 'utf8')).not.toMatch(/0\.AR8A\.refresh|1\/\/0g\./);
}

describe('ricochet calendars add --microsoft / --google, then ricochet availability', () => {
  it('signs in to Microsoft 365 through $BROWSER and reads the busy list by the rules', async () => {
    const standIn = await microsoftStandIn({ clientIds: ['app-1'] });
    closers.push(standIn.close);
    const event = (id: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({
      id,
      subject: `Subject ${id}`,
      isAllDay: false,
      isCancelled: false,
      showAs: 'busy',
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      start: { dateTime: `${start}.0000000`, timeZone: 'UTC' },
      end: { dateTime: `${end}.0000000`, timeZone: 'UTC' },
      ...extra,
    });
    standIn.put(
      event('a', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      event('b', '2026-03-10T11:00:00', '2026-03-10T12:00:00', { showAs: 'tentative' }),
      event('c', '2026-03-11T00:00:00', '2026-03-12T00:00:00', {
        showAs: 'workingElsewhere',
        isAllDay: true,
        location: { displayName: 'Lyon' },
      }),
    );
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-ms-'));
    const added = await ricochet(
      profile,
      'calendars',
      'add',
      '--microsoft',
      '--client-id',
      'app-1',
      '--authority',
      standIn.authority(),
      '--graph',
      standIn.url,
    );
    expect(added.stderr).toContain('Opening your browser to sign in to Microsoft 365');
    expect(added.stdout).toBe('added Microsoft 365 ana@contoso.example\n');
    expect(added.code).toBe(0);
    expect(added.log).toContain('You can close this page');

    const read = await ricochet(profile, 'availability', ...window, '--json');
    expect(read.code).toBe(0);
    const json = JSON.parse(read.stdout);
    expect(json.busy).toEqual([
      { start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', kind: 'busy' },
      { start: '2026-03-10T11:00:00Z', end: '2026-03-10T12:00:00Z', kind: 'tentative' },
    ]);
    expect(json.places).toEqual([
      { start: '2026-03-11T00:00:00Z', end: '2026-03-12T00:00:00Z', kind: 'elsewhere', label: 'Lyon' },
    ]);
    const listed = await ricochet(profile, 'calendars', 'list');
    expect(listed.stdout).toMatch(/microsoft +Microsoft 365 · ana@contoso\.example/);
    noTokenLeft(profile, [added.stdout, added.stderr, read.stdout, read.stderr, listed.stdout, listed.log]);

    // A revoked grant: the calendar says "sign in again", nothing else breaks.
    standIn.revokeGrants();
    const later = await ricochet(profile, 'availability', ...window, '--json');
    expect(JSON.parse(later.stdout).warnings).toEqual([
      {
        source: 'Microsoft 365 · ana@contoso.example',
        message: expect.stringMatching(/^sign in again to Microsoft 365/),
      },
    ]);
  });

  it('signs in to Google with its desktop secret from the environment and reads the busy list', async () => {
    const standIn = await googleStandIn({ clients: { 'desktop-1': 'GOCSPX-not-secret' } });
    closers.push(standIn.close);
    standIn.put(
      {
        id: 'g1',
        status: 'confirmed',
        summary: 'Design review',
        start: { dateTime: '2026-03-10T10:00:00+01:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-03-10T11:00:00+01:00', timeZone: 'Europe/Paris' },
        eventType: 'default',
      },
      {
        id: 'g2',
        status: 'confirmed',
        start: { date: '2026-03-10' },
        end: { date: '2026-03-11' },
        eventType: 'workingLocation',
        transparency: 'transparent',
        workingLocationProperties: { type: 'homeOffice', homeOffice: {} },
      },
    );
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-google-'));
    process.env['RICOCHET_TEST_GOOGLE_SECRET'] = 'GOCSPX-not-secret';
    const added = await ricochet(
      profile,
      'calendars',
      'add',
      '--google',
      '--client-id',
      'desktop-1',
      '--client-secret-env',
      'RICOCHET_TEST_GOOGLE_SECRET',
      '--auth-url',
      standIn.authUrl,
      '--token-url',
      standIn.tokenUrl,
      '--api',
      standIn.url,
    );
    expect(added.stdout).toBe('added Google kenji@acme.example\n');
    const read = await ricochet(profile, 'availability', ...window, '--json');
    const json = JSON.parse(read.stdout);
    expect(json.busy).toEqual([{ start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', kind: 'busy' }]);
    expect(json.places).toEqual([
      { start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z', kind: 'home' },
    ]);
    noTokenLeft(profile, [added.stdout, added.stderr, read.stdout, read.stderr]);
  });

  it('says what to give when no app is known, and a wrong app plainly', async () => {
    const standIn = await microsoftStandIn({ clientIds: ['app-1'] });
    closers.push(standIn.close);
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-ms-'));
    const none = await ricochet(profile, 'calendars', 'add', '--microsoft');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give --client-id: no Microsoft 365 app is set for your organisation/);
    const wrong = await ricochet(
      profile,
      'calendars',
      'add',
      '--microsoft',
      '--client-id',
      'typo',
      '--authority',
      standIn.authority(),
      '--graph',
      standIn.url,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not know the app typo/);
  });
});
