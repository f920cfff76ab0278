import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writtenAt } from '../../../server/store/posts';
import { teamServer } from '../../support/team-server';

describe('a post keeps the moment it was written', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer('sqlite');
  });
  afterAll(async () => {
    await t?.server.close();
  });

  it('queued offline two hours ago: stamped then, not on arrival', async () => {
    const written = Date.now() - 2 * 3_600_000;
    const id = uuidv7({ msecs: written });
    const res = await t.bob.api('POST', '/v1/posts', { id, text: 'written on the train' });
    expect(res.status).toBeLessThan(300);
    expect(Date.parse(res.body.createdAt ?? res.body.post?.createdAt)).toBe(written);
  });

  it('a stamp from the future or from long ago is not believed', () => {
    const now = Date.parse('2026-03-10T10:00:00Z');
    expect(writtenAt(uuidv7({ msecs: now + 3_600_000 }), now)).toBe('2026-03-10T10:00:00.000Z');
    expect(writtenAt(uuidv7({ msecs: now - 8 * 86_400_000 }), now)).toBe('2026-03-10T10:00:00.000Z');
    expect(writtenAt('8c3f0a2e-1d4b-4c5e-9f6a-7b8c9d0e1f2a', now)).toBe('2026-03-10T10:00:00.000Z'); // v4
    expect(writtenAt(uuidv7({ msecs: now - 60_000 }), now)).toBe('2026-03-10T09:59:00.000Z');
  });
});
