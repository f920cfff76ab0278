// Several devices per person: a code made on a signed-in device signs a new one in as the same
// person, each device holds its own token, and their calendars are joined instead of overwriting
// each other.
import { afterAll, describe, expect, it } from 'vitest';
import { createDeviceCode } from '../../../server/store/devices';
import { backends, client, stopPostgres, teamServer } from '../../support/team-server';

afterAll(() => stopPostgres());

const HOUR = 3_600_000;
/** Whole hours from a fixed point a day ahead, so the windows are current at any hour of the run. */
const base = Math.ceil(Date.now() / HOUR) * HOUR + 24 * HOUR;
const at = (hours: number) => new Date(base + hours * HOUR).toISOString().replace('.000Z', 'Z');
const published = (...busy: [number, number][]) => ({
  window: { from: at(-30), to: at(24 * 7) },
  busy: busy.map(([from, to]) => ({ start: at(from), end: at(to), kind: 'busy' })),
});

describe.each(backends)('devices (%s)', (backend) => {
  it('a code from a signed-in device signs a new one in as the same person, once, and each keeps its token', async () => {
    const t = await teamServer(backend);
    try {
      const made = await t.bob.api('POST', '/v1/me/devices/code');
      expect(made.status).toBe(201);
      expect(made.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
      // Typed as people type it: lower case, without the dash.
      const typed = made.body.code.toLowerCase().replace('-', ' ');
      const second = await client(t.url)('POST', '/v1/devices', { code: typed, device: "Bob's desktop" });
      expect(second.status).toBe(201);
      expect(second.body.member).toMatchObject({ id: t.bob.id, email: 'bob@acme.test' });
      const desktop = client(t.url, second.body.token);
      // Both devices work: signing in a second one never signs the first out.
      expect((await t.bob.api('GET', '/v1/me')).status).toBe(200);
      expect((await desktop('GET', '/v1/me')).body.id).toBe(t.bob.id);
      const again = await client(t.url)('POST', '/v1/devices', { code: made.body.code, device: 'Thief' });
      expect(again).toMatchObject({ status: 403, body: { error: 'device_code_invalid' } });

      const listed = (await desktop('GET', '/v1/me/devices')).body.devices;
      expect(listed.map((d: { name: string | null; current: boolean }) => [d.name, d.current])).toEqual([
        [null, false],
        ["Bob's desktop", true],
      ]);
      // Signed out from the other device: that token stops, this one goes on.
      expect((await desktop('DELETE', `/v1/me/devices/${listed[0].id}`)).status).toBe(204);
      expect((await t.bob.api('GET', '/v1/me')).status).toBe(401);
      expect((await desktop('GET', '/v1/me/devices')).body.devices).toHaveLength(1);
      // Someone else's device is not mine to sign out.
      const anas = (await t.admin.api('GET', '/v1/me/devices')).body.devices[0].id;
      expect((await desktop('DELETE', `/v1/me/devices/${anas}`)).status).toBe(404);
      expect((await t.admin.api('GET', '/v1/me')).status).toBe(200);
    } finally {
      await t.server.close();
    }
  });

  it('an expired code is refused with the reason; joining again with my email says how to add a device', async () => {
    const t = await teamServer(backend);
    try {
      const db = t.server.context.storage.db;
      const bob = (await t.bob.api('GET', '/v1/me')).body;
      const old = await createDeviceCode(db, { ...bob, orgId: bob.teamId }, Date.now() - 11 * 60_000);
      const late = await client(t.url)('POST', '/v1/devices', { code: old.code, device: 'Laptop' });
      expect(late.status).toBe(403);
      expect(late.body.message).toMatch(/expired .*10 minutes.*make a new one/);

      const invite = await t.admin.api('POST', '/v1/invites', {});
      const rejoin = await client(t.url)('POST', '/v1/join', {
        code: invite.body.code,
        name: 'Bob',
        email: 'BOB@acme.test',
      });
      expect(rejoin.status).toBe(409);
      expect(rejoin.body.message).toMatch(/Add a device.*ricochet login --device-code/);
      expect(rejoin.body.message).not.toMatch(/rotate-token/);
    } finally {
      await t.server.close();
    }
  });

  it("two devices' calendars are joined: one publishing again never erases the other's meetings", async () => {
    const t = await teamServer(backend);
    try {
      const code = (await t.bob.api('POST', '/v1/me/devices/code')).body.code;
      const desktop = client(
        t.url,
        (await client(t.url)('POST', '/v1/devices', { code, device: 'Desk' })).body.token,
      );
      const busyOf = async () =>
        (
          (await t.admin.api('GET', '/v1/board')).body.members as {
            id: string;
            availability: { busy: { start: string; end: string }[] };
          }[]
        )
          .find((m) => m.id === t.bob.id)!
          .availability.busy.map((s) => [s.start, s.end]);
      expect((await t.bob.api('PUT', '/v1/me/availability', published([1, 2]))).status).toBe(200);
      expect((await desktop('PUT', '/v1/me/availability', published([5, 6]))).status).toBe(200);
      expect(await busyOf()).toEqual([
        [at(1), at(2)],
        [at(5), at(6)],
      ]);
      // The laptop's meeting was cancelled: the desk's meeting stays.
      await t.bob.api('PUT', '/v1/me/availability', published());
      expect(await busyOf()).toEqual([[at(5), at(6)]]);
      await t.bob.api('PUT', '/v1/me/availability', published([1, 3]));
      // The desk is signed out: its calendars stop counting.
      const devices = (await t.bob.api('GET', '/v1/me/devices')).body.devices as {
        id: string;
        current: boolean;
      }[];
      await t.bob.api('DELETE', `/v1/me/devices/${devices.find((d) => !d.current)!.id}`);
      expect(await busyOf()).toEqual([[at(1), at(3)]]);
    } finally {
      await t.server.close();
    }
  });

  it('a person holds at most 20 devices: the 21st code is refused with what to do', async () => {
    const t = await teamServer(backend);
    try {
      for (let i = 0; i < 19; i++) {
        const { code } = (await t.bob.api('POST', '/v1/me/devices/code')).body;
        expect((await client(t.url)('POST', '/v1/devices', { code, device: `Device ${i}` })).status).toBe(
          201,
        );
      }
      const refused = await t.bob.api('POST', '/v1/me/devices/code');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/20 devices: remove one/);
    } finally {
      await t.server.close();
    }
  });
});
