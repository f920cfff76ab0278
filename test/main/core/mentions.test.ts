import { describe, expect, it } from 'vitest';
import { mentionsOfMe } from '../../../main/core/mentions';

const post = (seq: number, memberId: string, text: string) => ({
  seq,
  kind: 'post' as const,
  memberId,
  entityId: `p${seq}`,
  at: '',
  data: { id: `p${seq}`, memberId, text, tags: [], createdAt: '2026-03-10T08:00:00Z' },
});

describe('@mentions of me', () => {
  it('finds posts by others that name me by first name or full handle, in any case', () => {
    const me = { id: 'ana', name: 'Ana Lopez' };
    const changes = [
      post(1, 'bob', 'ping @ana about billing'),
      post(2, 'bob', 'ask @Ana.Lopez'),
      post(3, 'bob', 'ask @anabel'),
      post(4, 'ana', 'note to @ana'),
      post(5, 'bob', 'mail ana@example.com'),
    ];
    expect(mentionsOfMe(changes, me).map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});
