// One clock on the server: what a request stamps (a status, an invite's expiry, the change log)
// and the board's window of recent posts follow the server's `now`, not the machine's, so a test
// (or a server told another time) sees one consistent moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

const clock = Date.parse('2031-06-02T08:30:00Z'); // far from the real clock, on purpose

describe('the server’s one clock', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer('sqlite', { now: () => clock });
  });
  afterAll(() => t?.server.close());

  it('a status is stamped at the server’s time', async () => {
    const set = await t.bob.api('PUT', '/v1/me/status', { state: 'focus', text: 'Deep work' });
    expect(set.body).toMatchObject({ updatedAt: '2031-06-02T08:30:00.000Z' });
  });

  it('an invite that lasts two hours expires two hours after the server’s now', async () => {
    const invite = await t.admin.api('POST', '/v1/invites', { uses: 1, expiresInHours: 2 });
    expect(invite.status).toBe(201);
    expect(invite.body.expiresAt).toBe('2031-06-02T10:30:00.000Z');
  });

  it('an invite left to its default lasts 14 days from the server’s now', async () => {
    const invite = await t.admin.api('POST', '/v1/invites', { uses: 1 });
    expect(invite.body.expiresAt).toBe('2031-06-16T08:30:00.000Z');
  });

  it('each change in the log carries the server’s time', async () => {
    await t.bob.api('PUT', '/v1/me/status', { state: 'dnd', text: 'Incident' });
    const sync = await t.admin.api('GET', '/v1/sync?since=0');
    const status = sync.body.changes.find((c: { kind: string }) => c.kind === 'status');
    expect(status.at).toBe('2031-06-02T08:30:00.000Z');
  });

  it('a token is checked against the server’s time: valid in 2031, as its clock says', async () => {
    // The machine's clock is years behind: nothing the server stamped may look "in the future".
    const me = await t.bob.api('GET', '/v1/me');
    expect(me.status).toBe(200);
  });
});
