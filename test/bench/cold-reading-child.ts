// One cold measurement in a fresh process (run by cold-reading.bench.ts): the first ical.js
// parse of a file, or the first reading of it the way `ricochet availability --ics` reads it.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { oneOffCalendars } from '../../main/core/index';

const [mode, path, now] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
if (mode === 'parse') ICAL.parse(readFileSync(path, 'utf8'));
else {
  const calendars = oneOffCalendars({
    tz: 'Europe/Paris',
    hours: 'mon-fri 09:00-18:00',
    me: [],
    calendars: [{ location: path }],
  });
  const { calendarsRead } = await calendars.readOnce(Number(now));
  if (calendarsRead !== 1) throw new Error('the calendar was not read');
}
process.stdout.write(String(performance.now() - started));
