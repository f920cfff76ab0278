// An ask marked urgent by its author reaches the person at once, whatever they are doing;
// the others wait until the person is reachable. On SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

describe.each(backends)('urgent asks on %s', (backend) => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer(backend);
    await t.bob.api('PUT', '/v1/me/status', { state: 'dnd', text: 'Incident' });
  });
  afterAll(() => t?.server.close());

  it('while Bob is in do-not-disturb, an ask waits; an urgent one is delivered now and says so', async () => {
    const waits = await t.admin.api('POST', '/v1/asks', { id: randomUUID(), to: t.bob.id, text: 'lunch?' });
    expect(waits.status).toBe(201);
    expect(waits.body).toMatchObject({ state: 'pending', waitsFor: 'dnd', urgent: false });
    const urgent = await t.admin.api('POST', '/v1/asks', {
      id: randomUUID(),
      to: t.bob.id,
      text: 'prod is down',
      urgent: true,
    });
    expect(urgent.body).toMatchObject({ state: 'delivered', waitsFor: null, urgent: true });
    const inbox = (await t.bob.api('GET', '/v1/sync?since=0&limit=1000')).body.changes.filter(
      (c: { kind: string }) => c.kind === 'ask',
    );
    expect(
      inbox.map((c: { data: { text: string; urgent: boolean } }) => [c.data.text, c.data.urgent]),
    ).toContainEqual(['prod is down', true]);
  });

  it('urgent is yes or no: anything else is a 400 that names the field', async () => {
    const bad = await t.admin.api('POST', '/v1/asks', {
      id: randomUUID(),
      to: t.bob.id,
      text: 'x',
      urgent: 'very',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/urgent/);
  });
});
