// The server folds SQLite's log into its file from a thread of its own: the log does not grow
// without bound under steady writes, what was written is in the file, and at shutdown the
// thread lets go of the database, so the log is folded and removed as SQLite does alone.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamServer } from '../../support/team-server';

describe('SQLite checkpoints in the background', () => {
  it('keeps the log bounded under steady writes, and leaves no log behind at shutdown', async () => {
    const t = await teamServer('sqlite', { rateLimit: { capacity: 100_000, perSecond: 100_000 } });
    if (t.storage.kind !== 'sqlite') throw new Error('sqlite only');
    const file = join(t.storage.dataDir, 'ricochet.sqlite');
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    const before = size(file);
    let largestLog = 0;
    // Five seconds of posts, about 2,000 commits: the log would reach some 10,000 pages unfolded.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 400 }, (_, i) =>
          t.bob.api('POST', '/v1/posts', { id: crypto.randomUUID(), text: `round ${round}, post ${i}` }),
        ).map(async (p) => expect((await p).status).toBe(201)),
      );
      largestLog = Math.max(largestLog, size(`${file}-wal`));
      await new Promise((r) => setTimeout(r, 1100));
    }
    expect(size(file)).toBeGreaterThan(before); // the posts reached the database file itself
    expect(largestLog).toBeLessThan(16 * 1024 * 1024);
    expect((await t.bob.api('GET', '/v1/posts?limit=5')).body.posts[0].text).toMatch(/round 4/);
    await t.server.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
