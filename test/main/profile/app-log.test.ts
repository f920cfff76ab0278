// The log file people send IT: lines land in profile/logs/ricochet.log, rotate at 1 MB, and
// never carry a secret, an address's path, an e-mail or an event's title.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openAppLog, recentProblems } from '../../../main/profile/app-log';
import { redactLogText } from '../../../main/profile/redact-log';
import { waitFor } from '../../support/wait-for';

const token = 'tok_9f8e7d6c5b4a39281706';
const feed = 'https://calendar.google.com/calendar/ical/ana%40acme.test/private-0a1b2c3d/basic.ics';

describe('what a log line may not carry', () => {
  it('secrets known to this computer, bearer tokens, e-mails, addresses’ paths, quoted titles', () => {
    const line = `sync failed with ${token} (Authorization: Bearer abc.def-ghi) reading ${feed} for ana@acme.test: event "Entretien annuel — Bob" at “Salle 2”`;
    expect(redactLogText(line, [token])).toBe(
      'sync failed with <secret> (Authorization: Bearer <secret>) reading https://calendar.google.com/… for <email>: event "…" at "…"',
    );
  });

  it('keeps what tells a proxy problem from a server one: hosts, ports, codes', () => {
    expect(redactLogText('proxy http://proxy.acme.test:3128 refused: 407', [])).toBe(
      'proxy http://proxy.acme.test:3128 refused: 407',
    );
    expect(redactLogText('refresh_token=abc123&x=1 password: hunter22', [])).toBe(
      'refresh_token=<secret>&x=1 password: <secret>',
    );
  });

  it('a known secret never survives, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 40 }).filter((s) => s.trim().length >= 6),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          expect(redactLogText(`${before}${secret}${after}`, [secret])).not.toContain(secret);
        },
      ),
    );
  });
});

describe('the log file', () => {
  it('is in the profile’s logs folder; its problems are read back for diagnostics, redacted', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-log-'));
    const log = openAppLog(profile, () => [token]);
    expect(log.folder).toBe(join(profile, 'logs'));
    log.info('started');
    log.warn(`calendar ${feed} answered 404`);
    log.error(`the token ${token} was refused`);
    const file = join(profile, 'logs', 'ricochet.log');
    await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').includes('refused'));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('private-0a1b2c3d');
    expect(recentProblems(profile)).toEqual([
      expect.stringMatching(/ \[warn\] +calendar https:\/\/calendar\.google\.com\/… answered 404$/),
      expect.stringMatching(/ \[error\] +the token <secret> was refused$/),
    ]);
  });

  it('rotates at 1 MB: a week of noisy errors never fills the disk', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'ricochet-log-'));
    const log = openAppLog(profile);
    const line = 'x'.repeat(1000);
    for (let i = 0; i < 1300; i++) log.error(`${i} ${line}`);
    const file = join(profile, 'logs', 'ricochet.log');
    await waitFor(() => existsSync(join(profile, 'logs', 'ricochet.old.log')), 10_000);
    expect(statSync(file).size).toBeLessThanOrEqual(1024 * 1024 + 2000);
  });
});
