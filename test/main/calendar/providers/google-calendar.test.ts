import { afterEach, describe, expect, it } from 'vitest';
import { googleCalendar } from '../../../../main/calendar/providers/google-calendar';
import { googleTokens, signInToGoogle } from '../../../../main/calendar/providers/sign-in/google-sign-in';
import { isoInstant } from '../../../../shared/time/zoned-time';
import { readThroughEngine } from '../../../support/provider-reading';
import { follow } from '../../../support/stand-ins/follow-browser.mjs';
import { googleStandIn, type GoogleEventJson } from '../../../support/stand-ins/google-stand-in';

let standIn: Awaited<ReturnType<typeof googleStandIn>> | undefined;
afterEach(async () => standIn?.close());

const window = { from: Date.parse('2026-03-09T00:00:00Z'), to: Date.parse('2026-03-14T00:00:00Z') };
const now = Date.parse('2026-03-10T08:00:00Z');
const browser = { kind: 'browser' as const, open: async (url: string) => void (await follow(url)) };

/** A Calendar API event as Google's documentation shows one. */
function googleEvent(
  id: string,
  start: string,
  end: string,
  extra: Partial<GoogleEventJson> = {},
): GoogleEventJson {
  return {
    id,
    htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
    created: '2026-03-01T10:00:00.000Z',
    updated: '2026-03-01T10:00:00.000Z',
    summary: `Meeting ${id}`,
    creator: { email: 'kenji@acme.example', self: true },
    organizer: { email: 'kenji@acme.example', self: true },
    start: { dateTime: start, timeZone: 'Europe/Paris' },
    end: { dateTime: end, timeZone: 'Europe/Paris' },
    iCalUID: `${id}@google.com`,
    sequence: 0,
    reminders: { useDefault: true },
    eventType: 'default',
    ...extra,
  };
}

const app = (s: NonNullable<typeof standIn>, clientId = 'desktop-1', clientSecret = 'GOCSPX-not-secret') => ({
  clientId,
  clientSecret,
  authUrl: s.authUrl,
  tokenUrl: s.tokenUrl,
  deviceUrl: s.deviceUrl,
});

async function connected(timezone = 'UTC') {
  standIn = await googleStandIn({ clients: { 'desktop-1': 'GOCSPX-not-secret' }, timezone, pageMax: 250 });
  const google = app(standIn);
  const grant = (await signInToGoogle(google, browser)).secret;
  let requests = 0;
  const source = googleCalendar({
    api: standIn.url,
    account: standIn.email,
    tz: () => 'UTC',
    http: { tokens: googleTokens(google, () => grant), onRequest: () => void requests++ },
  });
  const read = readThroughEngine(source, window, now);
  return { standIn, source, read, requests: () => requests };
}

describe('a Google calendar read through the Calendar API', () => {
  it('signs in with PKCE to 127.0.0.1 and names the account; a cancel and a wrong client are said plainly', async () => {
    standIn = await googleStandIn({ clients: { 'desktop-1': 'GOCSPX-not-secret' } });
    expect((await signInToGoogle(app(standIn), browser)).account).toBe('kenji@acme.example');
    standIn.browserDoes('cancel');
    await expect(signInToGoogle(app(standIn), browser)).rejects.toThrow(/you cancelled signing in to Google/);
    await expect(signInToGoogle(app(standIn, 'nobody'), browser)).rejects.toThrow(
      /Google does not know the app nobody/,
    );
  });

  it("reads by Google's rules: transparent, declined, maybe, out of office, focus time, working location", async () => {
    const { standIn, read } = await connected();
    const me = (responseStatus: string) => ({
      attendees: [
        { email: 'kenji@acme.example', self: true, responseStatus },
        { email: 'ana@acme.example', organizer: true, responseStatus: 'accepted' },
      ],
    });
    standIn.put(
      googleEvent('busy', '2026-03-10T10:00:00+01:00', '2026-03-10T11:00:00+01:00'),
      googleEvent('free', '2026-03-10T11:00:00+01:00', '2026-03-10T12:00:00+01:00', {
        transparency: 'transparent',
      }),
      googleEvent('declined', '2026-03-10T12:00:00+01:00', '2026-03-10T13:00:00+01:00', me('declined')),
      googleEvent('maybe', '2026-03-10T13:00:00+01:00', '2026-03-10T13:30:00+01:00', me('tentative')),
      googleEvent('unanswered', '2026-03-10T14:00:00+01:00', '2026-03-10T14:30:00+01:00', me('needsAction')),
      googleEvent('focus', '2026-03-10T15:00:00+01:00', '2026-03-10T17:00:00+01:00', {
        eventType: 'focusTime',
        focusTimeProperties: {
          autoDeclineMode: 'declineOnlyNewConflictingInvitations',
          chatStatus: 'doNotDisturb',
        },
      }),
      googleEvent('ooo', '2026-03-12T00:00:00Z', '2026-03-13T00:00:00Z', {
        eventType: 'outOfOffice',
        outOfOfficeProperties: { autoDeclineMode: 'declineAllConflictingInvitations' },
      }),
      googleEvent('home', '', '', {
        start: { date: '2026-03-10' },
        end: { date: '2026-03-11' },
        eventType: 'workingLocation',
        transparency: 'transparent',
        visibility: 'public',
        workingLocationProperties: { type: 'homeOffice', homeOffice: {} },
      }),
      googleEvent('office', '', '', {
        start: { date: '2026-03-11' },
        end: { date: '2026-03-12' },
        eventType: 'workingLocation',
        transparency: 'transparent',
        workingLocationProperties: {
          type: 'officeLocation',
          officeLocation: { buildingId: 'LYN-2', label: 'Lyon' },
        },
      }),
    );
    expect(await read()).toEqual({
      busy: [
        '03-10T09:00-10:00 busy',
        '03-10T12:00-12:30 tentative',
        '03-10T13:00-13:30 tentative',
        '03-10T14:00-16:00 focus',
        '03-12T00:00-00:00 oof',
      ],
      places: ['03-10 home', '03-11 office Lyon'],
      warnings: [],
    });
  });

  it('pages, then polls with the sync token (one request when nothing changed), starts again on 410, waits on 429', async () => {
    const { standIn, source, read, requests } = await connected();
    for (let i = 0; i < 600; i++) {
      const start = Date.parse('2026-03-10T06:00:00Z') + i * 360_000;
      standIn.put(googleEvent(`e${i}`, isoInstant(start), isoInstant(start + 180_000)));
    }
    expect((await read()).busy.length).toBeGreaterThan(100);
    expect(requests()).toBe(3); // pages of 250 (the zone comes with them)
    const before = await source.read(window);
    const polled = requests();
    expect(await source.read(window)).toBe(before);
    expect(requests() - polled).toBe(1);

    standIn.remove('e0');
    expect((await read()).busy[0]).toBe('03-10T06:06-06:09 busy');

    standIn.forgetSyncTokens();
    standIn.put(googleEvent('late', '2026-03-13T20:00:00Z', '2026-03-13T21:00:00Z'));
    expect((await read()).busy).toContain('03-13T20:00-21:00 busy');
    expect(source.fullReads).toBe(2);

    standIn.faults.throttle = { count: 1, status: 429, retryAfter: 1 };
    standIn.put(googleEvent('later', '2026-03-13T21:00:00Z', '2026-03-13T21:30:00Z'));
    expect((await read()).busy).toContain('03-13T20:00-21:30 busy');
  });

  it('a calendar set to another zone than Ricochet is said, from its own answer', async () => {
    const { standIn, read } = await connected('Asia/Tokyo');
    standIn.put(googleEvent('a', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'));
    expect((await read()).warnings).toEqual([
      'your Google calendar is set to Asia/Tokyo and Ricochet to UTC: change one of them if they should agree',
    ]);
  });

  it('a revoked grant is "sign in again", the last reading stays', async () => {
    const { standIn, read } = await connected();
    standIn.put(googleEvent('a', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'));
    await read();
    standIn.revokeGrants();
    const after = await read();
    expect(after.busy).toEqual(['03-10T09:00-10:00 busy']);
    expect(after.warnings).toEqual([expect.stringMatching(/^sign in again to Google/)]);
  });
});

describe('signing in to Google without a browser', () => {
  it('signs in with a device code (Google answers 428 while the person has not entered it)', async () => {
    standIn = await googleStandIn({ clients: { 'tv-1': '' } });
    const shown: string[] = [];
    const signedIn = await signInToGoogle(
      {
        clientId: 'tv-1',
        authUrl: standIn.authUrl,
        tokenUrl: standIn.tokenUrl,
        deviceUrl: standIn.deviceUrl,
      },
      {
        kind: 'device-code',
        show: (message) => {
          shown.push(message);
          setTimeout(() => standIn!.approveDevice(/enter the code (\S+)/.exec(message)![1]!), 1_500);
        },
      },
    );
    expect(shown[0]).toMatch(/^To sign in, open https:\/\/127\.0\.0\.1:\d+\/device and enter the code /);
    expect(signedIn.account).toBe('kenji@acme.example');
  });
});
