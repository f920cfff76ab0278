import { describe, expect, it } from 'vitest';
import { findPeople, resolveMention } from '../../../shared/people/find-person';

const team = [
  { name: 'Chloé Petit' },
  { name: 'Camille Martin' },
  { name: 'Léa Dubois' },
  { name: 'Léo Durand' },
];

describe('finding the person an @ names', () => {
  it('is accent- and case-insensitive: @chloe finds Chloé, @LEA finds Léa', () => {
    expect(findPeople('chloe', team).map((p) => p.name)).toEqual(['Chloé Petit']);
    expect(resolveMention('LEA', team)).toEqual({ name: 'Léa Dubois' });
    expect(findPeople('pet', team).map((p) => p.name)).toEqual(['Chloé Petit']); // a later word
  });

  it('says so when nobody or several match', () => {
    expect(resolveMention('zed', team)).toEqual({ error: 'nobody in the team is called @zed' });
    expect(resolveMention('le', team)).toMatchObject({ error: expect.stringContaining('could be') });
  });
});
