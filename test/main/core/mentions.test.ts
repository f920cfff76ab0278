import { describe, expect, it } from 'vitest';
import { mentionsOfMe } from '../../../main/core/mentions';

const post = (seq: number, memberId: string, text: string, mentions?: string[]) => ({
  seq,
  kind: 'post' as const,
  memberId,
  entityId: `p${seq}`,
  at: '',
  data: {
    id: `p${seq}`,
    memberId,
    text,
    tags: [],
    createdAt: '2026-03-10T08:00:00Z',
    ...(mentions ? { mentions } : {}),
  },
});

describe('@mentions of me', () => {
  it('notifies by the ids the post names, never by the names in its text', () => {
    // Two people are called Ana: only the one the post names is notified.
    const me = { id: 'ana-1' };
    const changes = [
      post(1, 'bob', 'ping @ana about billing', ['ana-1']),
      post(2, 'bob', 'ask @Ana', ['ana-2']),
      post(3, 'bob', 'old post naming @ana, no ids'),
      post(4, 'ana-1', 'note to myself', ['ana-1']),
    ];
    expect(mentionsOfMe(changes, me).map((p) => p.id)).toEqual(['p1']);
    expect(mentionsOfMe(changes, { id: 'ana-2' }).map((p) => p.id)).toEqual(['p2']);
  });
});
