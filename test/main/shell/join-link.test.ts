import { describe, expect, it } from 'vitest';
import { parseJoinLink } from '../../../main/shell/join-link';

describe('desktop integration', () => {
  it('reads ricochet://join links and refuses anything else', () => {
    expect(
      parseJoinLink('ricochet://join?server=https%3A%2F%2Fteam.example.com%2F&code=EJy2ZR1v6i-X'),
    ).toEqual({ server: 'https://team.example.com', code: 'EJy2ZR1v6i-X' });
    expect(parseJoinLink('ricochet://join?server=javascript:alert(1)&code=abcdefghij')).toEqual({
      error: 'the link has no http(s) server address',
    });
    expect(parseJoinLink('https://example.com')).toEqual({ error: 'not a ricochet:// link' });
  });
});
