import { afterEach, describe, expect, it } from 'vitest';
import { microsoftCalendar } from '../../../../main/calendar/providers/microsoft-calendar';
import {
  microsoftTokens,
  signInToMicrosoft,
} from '../../../../main/calendar/providers/sign-in/microsoft-sign-in';
import { isoInstant } from '../../../../shared/time/zoned-time';
import { readThroughEngine } from '../../../support/provider-reading';
import { follow } from '../../../support/stand-ins/follow-browser.mjs';
import { microsoftStandIn, type GraphEventJson } from '../../../support/stand-ins/microsoft-stand-in';

let standIn: Awaited<ReturnType<typeof microsoftStandIn>> | undefined;
afterEach(async () => standIn?.close());

const window = { from: Date.parse('2026-03-09T00:00:00Z'), to: Date.parse('2026-03-14T00:00:00Z') };
const now = Date.parse('2026-03-10T08:00:00Z');

/** A Graph event as the documentation shows one (times in UTC, as asked with Prefer). */
function graphEvent(
  id: string,
  start: string,
  end: string,
  extra: Partial<GraphEventJson> = {},
): GraphEventJson {
  return {
    id,
    subject: `Meeting ${id}`,
    isAllDay: false,
    isCancelled: false,
    showAs: 'busy',
    type: 'singleInstance',
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    start: { dateTime: `${start}.0000000`, timeZone: 'UTC' },
    end: { dateTime: `${end}.0000000`, timeZone: 'UTC' },
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
    ...extra,
  };
}

async function connected() {
  standIn = await microsoftStandIn({ clientIds: ['app-1'] });
  const app = { clientId: 'app-1', authority: standIn.authority(), graph: standIn.url };
  let cache = (await signInToMicrosoft(app, { kind: 'browser', open: async (u) => void (await follow(u)) }))
    .secret;
  let requests = 0;
  const source = microsoftCalendar({
    graph: standIn.url,
    account: 'ana@contoso.example',
    tz: () => 'UTC',
    http: {
      tokens: microsoftTokens(app, { load: () => cache, save: (s) => void (cache = s) }),
      onRequest: () => void requests++,
    },
  });
  const read = readThroughEngine(source, window, now);
  return { standIn, source, read, requests: () => requests };
}

describe('a Microsoft 365 calendar read through Graph', () => {
  it("reads by Outlook's rules: free, tentative, unanswered, declined, cancelled, out of office, working elsewhere", async () => {
    const { standIn, read } = await connected();
    standIn.put(
      graphEvent('busy', '2026-03-10T09:00:00', '2026-03-10T10:00:00'),
      graphEvent('free', '2026-03-10T10:00:00', '2026-03-10T11:00:00', { showAs: 'free' }),
      graphEvent('maybe', '2026-03-10T11:00:00', '2026-03-10T11:30:00', { showAs: 'tentative' }),
      graphEvent('unanswered', '2026-03-10T12:00:00', '2026-03-10T12:30:00', {
        responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' },
      }),
      graphEvent('declined', '2026-03-10T13:00:00', '2026-03-10T14:00:00', {
        responseStatus: { response: 'declined', time: '2026-03-01T10:00:00Z' },
      }),
      graphEvent('cancelled', '2026-03-10T14:00:00', '2026-03-10T15:00:00', { isCancelled: true }),
      graphEvent('away', '2026-03-12T00:00:00', '2026-03-13T00:00:00', { showAs: 'oof', isAllDay: true }),
      graphEvent('lyon', '2026-03-11T00:00:00', '2026-03-12T00:00:00', {
        showAs: 'workingElsewhere',
        isAllDay: true,
        location: { displayName: 'Lyon' },
      }),
      graphEvent('odd', '2026-03-10T16:00:00', '2026-03-10T16:30:00', { showAs: 'unknown' }),
    );
    expect(await read()).toEqual({
      busy: [
        '03-10T09:00-10:00 busy',
        '03-10T11:00-11:30 tentative',
        '03-10T12:00-12:30 tentative',
        '03-10T16:00-16:30 busy',
        '03-12T00:00-00:00 oof',
      ],
      places: ['03-11 elsewhere Lyon'],
      warnings: [],
    });
    expect(standIn.seen.preferUtc).toBeGreaterThan(0);
  });

  it('follows every page, then asks only for changes: one request when nothing changed', async () => {
    const { standIn, source, read, requests } = await connected();
    for (let i = 0; i < 600; i++) {
      const day = 9 + (i % 5);
      const start =
        Date.parse(`2026-03-${String(day).padStart(2, '0')}T06:00:00Z`) + Math.floor(i / 5) * 360_000;
      standIn.put(
        graphEvent(`e${i}`, isoInstant(start).slice(0, 19), isoInstant(start + 3 * 60_000).slice(0, 19)),
      );
    }
    const first = await read();
    expect(first.busy).toHaveLength(600);
    const pages = requests();
    expect(pages).toBe(3 + 1); // 600 events in pages of 250, and the mailbox settings
    const before = await source.read(window);
    const polled = requests();
    expect(await source.read(window)).toBe(before); // the very same reading: the engine does nothing
    expect(requests() - polled).toBe(1);

    standIn.remove('e0');
    standIn.put(graphEvent('late', '2026-03-13T20:00:00', '2026-03-13T21:00:00'));
    const after = await read();
    expect(after.busy).toContain('03-13T20:00-21:00 busy');
    expect(after.busy).not.toContain('03-09T06:00-06:03 busy');
    expect(after.busy).toHaveLength(600);
  });

  it('starts again when Graph forgot the delta (410), waits as Retry-After says (429, 503), refreshes a stale token (401)', async () => {
    const { standIn, source, read } = await connected();
    standIn.put(graphEvent('a', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    await read();
    standIn.forgetSyncState();
    standIn.put(graphEvent('b', '2026-03-10T11:00:00', '2026-03-10T12:00:00'));
    expect((await read()).busy).toEqual(['03-10T09:00-10:00 busy', '03-10T11:00-12:00 busy']);
    expect(source.fullReads).toBe(2);

    standIn.faults.throttle = { count: 2, status: 429, retryAfter: 1 };
    standIn.put(graphEvent('c', '2026-03-10T13:00:00', '2026-03-10T14:00:00'));
    const started = Date.now();
    expect((await read()).busy).toContain('03-10T13:00-14:00 busy');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);

    standIn.expireAccessTokens();
    standIn.put(graphEvent('d', '2026-03-10T15:00:00', '2026-03-10T16:00:00'));
    expect((await read()).busy).toContain('03-10T15:00-16:00 busy');
  });

  it('a revoked grant is "sign in again" for that calendar, and its last reading still counts', async () => {
    const { standIn, read } = await connected();
    standIn.put(graphEvent('a', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    await read();
    standIn.revokeGrants();
    const after = await read();
    expect(after.busy).toEqual(['03-10T09:00-10:00 busy']);
    expect(after.warnings).toEqual([expect.stringMatching(/^sign in again to Microsoft 365/)]);
  });

  it('automatic replies scheduled in the mailbox are out of office; a mailbox in another zone is said', async () => {
    const { standIn, read } = await connected();
    standIn.setMailbox({
      timeZone: 'Romance Standard Time',
      automaticRepliesSetting: {
        status: 'scheduled',
        externalAudience: 'all',
        scheduledStartDateTime: { dateTime: '2026-03-13T00:00:00.0000000', timeZone: 'UTC' },
        scheduledEndDateTime: { dateTime: '2026-03-14T00:00:00.0000000', timeZone: 'UTC' },
      },
    });
    const got = await read();
    expect(got.busy).toEqual(['03-13T00:00-00:00 oof']);
    expect(got.warnings).toEqual([
      expect.stringMatching(/mailbox is set to Europe\/Paris and Ricochet to UTC/),
    ]);
  });
});
