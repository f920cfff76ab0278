// Nothing one member sends can grow without bound or slow another member: a real server (in
// this process, SQLite), real HTTP and a real WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PAGE_BYTES } from '../../../server/store/change-log';
import { createInvite, getMember, join } from '../../../server/store/members';
import { setAvailability } from '../../../server/store/device-availability';
import { largestAvailability } from '../../support/heavy-availability';
import { teamServer } from '../../support/team-server';

describe('a bounded wire', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  const members: string[] = [];
  beforeAll(async () => {
    t = await teamServer('sqlite');
    const db = t.server.context.storage.db;
    const { code } = await createInvite(db, t.team.team.id, { uses: 100 });
    for (let i = 0; i < 12; i++) {
      const joined = await join(db, { code, name: `Heavy ${i}`, email: `heavy${i}@acme.test` });
      members.push(joined.member.id);
      await setAvailability(db, joined.member, `laptop-${i}`, largestAvailability(i));
    }
  });
  afterAll(() => t?.server.close());

  it('refuses an availability past the limits, with the reason', async () => {
    const body = largestAvailability(99);
    body.busy.push({ start: body.window.to, end: body.window.to, kind: 'busy' });
    const res = await t.bob.api('PUT', '/v1/me/availability', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/busy: .*1000/);
  });

  it('a sync page is bounded in bytes as well as in count, and paging still reaches every change', async () => {
    let cursor = 0;
    let pages = 0;
    let heavy = 0;
    for (let more = true; more; pages++) {
      const res = await fetch(`${t.url}/v1/sync?since=${cursor}&limit=1000`, {
        headers: { authorization: `Bearer ${t.admin.token}` },
      });
      const text = await res.text();
      // One row may pass the budget alone; a page never carries two past it.
      expect(text.length).toBeLessThan(PAGE_BYTES + 400_000);
      const page = JSON.parse(text);
      heavy += page.changes.filter((c: { kind: string }) => c.kind === 'availability').length;
      cursor = page.cursor;
      more = page.more;
    }
    expect(heavy).toBe(12);
    expect(pages).toBeGreaterThan(1);
  });

  it('a stream that stops reading is told it fell behind and closed; the others get every change', async () => {
    const db = t.server.context.storage.db;
    const open = (token: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`${t.url.replace('http', 'ws')}/v1/stream`, {
          headers: { authorization: `Bearer ${token}` },
        });
        ws.once('message', () => resolve(ws)); // "ready"
        ws.once('error', reject);
      });
    const slow = await open(t.admin.token);
    const fast = await open(t.bob.token);
    let fastChanges = 0;
    fast.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'change') fastChanges++;
    });
    // The slow client stops reading: what the server sends piles up in its socket.
    (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const heavy = await getMember(db, members[0]!);
    const rounds = 90;
    for (let i = 0; i < rounds; i++) {
      await setAvailability(db, heavy, 'laptop', largestAvailability(1000 + i));
      await t.server.context.hub.changed(t.team.team.id);
      // The reading client keeps up, change after change.
      await expect.poll(() => fastChanges).toBe(i + 1);
    }
    expect(fast.readyState).toBe(WebSocket.OPEN);
    const slowMessages: { type: string; error?: string }[] = [];
    const closed = new Promise<number>((resolve) => slow.once('close', (code) => resolve(code)));
    slow.on('message', (data) => slowMessages.push(JSON.parse(String(data))));
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toBe(4008);
    expect(slowMessages.at(-1)).toMatchObject({ type: 'error', error: 'behind' });
    expect(slowMessages.length).toBeLessThan(rounds);
    fast.close();
  });
});
