import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whatTheyAreOn } from '../../../shared/status/what-they-are-on';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 9, minutes)).toISOString();

describe('what someone is on', () => {
  it('a post written after the status is what they are on now', () => {
    const on = whatTheyAreOn({
      status: '🎯 Quarterly plan',
      statusAt: at(0),
      latestPost: { text: 'Shipping the CSV export', createdAt: at(5) },
    });
    expect(on).toMatchObject({ text: 'Shipping the CSV export', from: 'post' });
  });

  it('a status set after the post wins', () => {
    const on = whatTheyAreOn({
      status: '🎯 Quarterly plan',
      statusAt: at(10),
      latestPost: { text: 'Shipping the CSV export', createdAt: at(5) },
    });
    expect(on).toMatchObject({ text: '🎯 Quarterly plan', from: 'status' });
  });

  it('a post that begins by addressing someone is a message, not what its author is on', () => {
    const latestPost = { text: '@Kenji can you glance at PR #415?', createdAt: at(5) };
    expect(whatTheyAreOn({ status: null, latestPost })).toBeNull();
    expect(whatTheyAreOn({ status: 'Release', statusAt: at(0), latestPost })).toMatchObject({
      text: 'Release',
    });
    // Naming someone later in the sentence is still what I am on.
    expect(
      whatTheyAreOn({
        status: null,
        latestPost: { text: 'Pairing with @Kenji on the export', createdAt: at(5) },
      }),
    ).toMatchObject({ from: 'post' });
  });

  it('never an addressed post, and never the older of two when both can be shown', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ minLength: 1 })),
        fc.integer({ min: 0, max: 59 }),
        fc.string(),
        fc.integer({ min: 0, max: 59 }),
        (status, s, post, p) => {
          const on = whatTheyAreOn({ status, statusAt: at(s), latestPost: { text: post, createdAt: at(p) } });
          if (on?.from === 'post') expect(/^\s*@[\p{L}\p{N}]/u.test(post)).toBe(false);
          const postShown = !/^\s*@[\p{L}\p{N}]/u.test(post);
          if (status && postShown) expect(on!.from).toBe(p > s ? 'post' : 'status');
        },
      ),
    );
  });
});
