// Finding 11 of the live review: no limit on streams per token (10,000 accepted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAMS_PER_MEMBER } from '../../../server/realtime/change-hub';
import { openStream } from '../../support/stream-client';
import { teamServer } from '../../support/team-server';

describe('streams per member', () => {
  let t: Awaited<ReturnType<typeof teamServer>>;
  beforeAll(async () => {
    t = await teamServer('sqlite');
  });
  afterAll(() => t?.server.close());

  it(`a member holds at most ${STREAMS_PER_MEMBER}: the oldest close first, told why; others are untouched`, async () => {
    const other = await openStream(t.url, t.admin.token);
    await other.until(() => other.messages.some((m) => m.type === 'ready'));
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    const closed: number[] = [];
    for (let i = 0; i < STREAMS_PER_MEMBER + 3; i++) {
      const s = await openStream(t.url, t.bob.token);
      await s.until(() => s.messages.some((m) => m.type === 'ready'));
      s.ws.once('close', (code) => closed.push(i, code));
      streams.push(s);
    }
    await expect.poll(() => closed.length).toBe(6);
    expect(closed).toEqual([0, 4429, 1, 4429, 2, 4429]);
    expect(t.server.context.hub.streamCount).toBe(STREAMS_PER_MEMBER + 1);
    // The newest still hear the team.
    await t.admin.api('PUT', '/v1/me/status', { state: 'focus', text: 'still here' });
    await streams.at(-1)!.until(() =>
      streams
        .at(-1)!
        .changes()
        .some((c) => c.kind === 'status'),
    );
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    for (const s of [...streams, other]) s.ws.close();
  });
});
