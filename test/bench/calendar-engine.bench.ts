import ICAL from 'ical.js';
import { AvailabilityEngine } from '../../main/calendar/availability-engine';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { medianMs, round, type Benchmark } from './bench-kit';
import { heavyCalendar } from './heavy-calendar';

const hours = parseWorkingHours('mon-fri 09:00-18:00');
const now = Date.parse('2026-03-10T10:00:00Z');
const window = (at: number) => ({ from: at - 86_400_000, to: at + 14 * 86_400_000 });

export const benchmark: Benchmark = {
  suite: 'calendar engine',
  async run() {
    const text = heavyCalendar();
    const vevents = (text.match(/BEGIN:VEVENT/g) ?? []).length;
    const parseOnly = await medianMs(() => ICAL.parse(text), 15, 3);
    const pipeline = await medianMs(
      () => {
        const engine = new AvailabilityEngine({ tz: 'Europe/Paris', hours });
        engine.setSource('heavy', text);
        return engine.report(window(now), now);
      },
      15,
      3,
    );

    const engine = new AvailabilityEngine({ tz: 'Europe/Paris', hours });
    engine.setSource('heavy', text);
    engine.report(window(now), now);
    let minute = 0;
    const recompute = await medianMs(
      () => {
        const at = now + ++minute * 60_000;
        engine.setSource('heavy', text); // unchanged text: no parse
        return engine.report(window(at), at);
      },
      201,
      20,
    );

    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const kept = new AvailabilityEngine({ tz: 'Europe/Paris', hours });
    kept.setSource('heavy', text);
    kept.report(window(now), now);
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;

    const size = `${vevents} VEVENTs, ${round(text.length / 2 ** 20)} MB, 14-day window`;
    return [
      { suite: this.suite, name: `ical.js parse alone (${size})`, value: round(parseOnly, 1), unit: 'ms' },
      {
        suite: this.suite,
        name: 'whole pipeline: text → parse → expand → merge → summary',
        value: round(pipeline, 1),
        unit: 'ms',
        ratio: round(pipeline / parseOnly),
        baseline: 'ical.js parse alone',
        target: '≤ 1.5×',
        pass: pipeline / parseOnly <= 1.5,
      },
      {
        suite: this.suite,
        name: 'recompute a minute later, no source changed',
        value: round(recompute * 1000, 0),
        unit: 'µs',
        ratio: round(recompute / parseOnly, 4),
        baseline: 'ical.js parse alone',
        target: '< 1 ms',
        pass: recompute < 1,
      },
      {
        suite: this.suite,
        name: 'heap kept by one parsed heavy source',
        value: round(heapMb, 1),
        unit: 'MB',
        ratio: round(heapMb / (text.length / 2 ** 20), 1),
        baseline: 'the text size',
      },
    ];
  },
};
