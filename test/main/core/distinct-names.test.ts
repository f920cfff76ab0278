import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../../shared/people/find-person';

describe('two members who look the same are told apart', () => {
  it('names that look alike get a number in the order they joined; others stay as they are', () => {
    const names = distinctNames([
      { id: 'b', name: 'Ana', createdAt: '2026-03-02T00:00:00Z' },
      { id: 'a', name: 'ana', createdAt: '2026-03-01T00:00:00Z' },
      { id: 'c', name: 'Chloé Petit' },
      { id: 'd', name: 'Chloe  Petit', createdAt: '2026-03-05T00:00:00Z' },
      { id: 'e', name: 'Bob' },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      a: 'ana (1)',
      b: 'Ana (2)',
      c: 'Chloé Petit (1)',
      d: 'Chloe  Petit (2)',
      e: 'Bob',
    });
  });
});
