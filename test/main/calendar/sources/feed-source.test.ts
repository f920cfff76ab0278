import { afterEach, describe, expect, it } from 'vitest';
import { AvailabilityEngine } from '../../../../main/calendar/availability-engine';
import { readSources } from '../../../../main/calendar/read-sources';
import { FeedSource } from '../../../../main/calendar/sources/feed-source';
import { FileSource } from '../../../../main/calendar/sources/file-source';
import { parseWorkingHours } from '../../../../shared/availability/working-hours';
import { httpFixture } from '../../../support/http-fixture';
import { ics } from '../../../support/ics';

const calendar = ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z']);
const window = { from: Date.parse('2026-03-10T00:00:00Z'), to: Date.parse('2026-03-11T00:00:00Z') };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('ICS feeds', () => {
  it('asks again with the ETag and reuses the text on 304 Not Modified', async () => {
    const seen: (string | undefined)[] = [];
    const server = await httpFixture((req, res) => {
      seen.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'content-type': 'text/calendar' }).end(calendar);
    });
    close = server.close;
    const feed = new FeedSource(`${server.url}/secret-token/basic.ics`);
    expect(await feed.read()).toBe(calendar);
    expect(await feed.read()).toBe(calendar);
    expect(seen).toEqual([undefined, '"v1"']);
    expect(feed.notModified).toBe(1);
    expect(feed.name).not.toContain('secret-token');
  });

  it('follows up to five redirects and refuses a sixth', async () => {
    const server = await httpFixture((req, res) => {
      const hop = Number(req.url?.slice(1));
      if (hop < 6) res.writeHead(302, { location: `/${hop + 1}` }).end();
      else res.writeHead(200).end(calendar);
    });
    close = server.close;
    expect(await new FeedSource(`${server.url}/1`).read()).toBe(calendar);
    await expect(new FeedSource(`${server.url}/0`).read()).rejects.toThrow('more than 5 redirects');
  });

  it('refuses a feed over the size cap and one that does not answer in time', async () => {
    const server = await httpFixture((req, res) => {
      if (req.url === '/slow') return; // never answers
      res.writeHead(200).end('x'.repeat(2048));
    });
    close = server.close;
    await expect(new FeedSource(`${server.url}/big`, { maxBytes: 1024 }).read()).rejects.toThrow(
      'larger than',
    );
    await expect(new FeedSource(`${server.url}/slow`, { timeoutMs: 200 }).read()).rejects.toThrow(
      'no answer within 0.2 s',
    );
  });

  it('reads webcal:// as https:// and rejects other schemes with a reason', () => {
    expect(() => new FeedSource('ftp://example.com/a.ics')).toThrow('unsupported address ftp://');
    expect(new FeedSource('webcal://example.com/a.ics').name).toBe('example.com/a.ics');
  });
});

describe('several sources', () => {
  it('a failing source is a warning while its last good data and the other sources keep counting', async () => {
    let up = true;
    const server = await httpFixture((_req, res) => {
      if (up) res.writeHead(200).end(calendar);
      else res.writeHead(500).end();
    });
    close = server.close;
    const other = ics(['DTSTART:20260310T140000Z', 'DTEND:20260310T150000Z']);
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'ricochet-')), 'mine.ics');
    writeFileSync(file, other);
    const sources = [
      new FeedSource(`${server.url}/team.ics`),
      new FileSource(file),
      new FileSource('/nonexistent.ics'),
    ];
    const engine = new AvailabilityEngine({
      tz: 'Europe/Paris',
      hours: parseWorkingHours('mon-fri 09:00-18:00'),
    });

    expect(await readSources(engine, sources, window)).toBe(2);
    up = false;
    expect(await readSources(engine, sources, window)).toBe(1);
    const report = engine.report(window, window.from);
    expect(report.busy.map((b) => new Date(b.start).toISOString())).toEqual([
      '2026-03-10T09:00:00.000Z',
      '2026-03-10T14:00:00.000Z',
    ]);
    expect(report.warnings).toHaveLength(2);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        { source: sources[0]!.name, message: 'the feed answered HTTP 500' },
        { source: 'nonexistent.ics', message: 'file not found: /nonexistent.ics' },
      ]),
    );
  });
});
