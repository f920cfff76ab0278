import { translate } from '../../../shared/i18n/translate';
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
    const nobody = resolveMention('zed', team);
    expect('error' in nobody && translate('en', nobody.error.key, nobody.error.params)).toBe(
      'nobody in the team is called @zed',
    );
    expect('error' in nobody && translate('fr', nobody.error.key, nobody.error.params)).toBe(
      'personne dans l’équipe ne s’appelle @zed',
    );
    const several = resolveMention('le', team);
    expect('error' in several && translate('en', several.error.key, several.error.params)).toContain(
      'could be',
    );
  });
});
