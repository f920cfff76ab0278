import { DAY_MS } from '../../shared/time/zoned-time';
import { digits } from './ical-values';

const SLACK = 2 * DAY_MS;

/**
 * The date (and time) after the value colon of the line [at, end), read as if UTC: good to
 * within a day. Counts the odd values ical.js reads silently on the way.
 */
function roughTime(text: string, at: number, end: number, odd: OddValues): number | undefined {
  const colon = text.lastIndexOf(':', end - 1);
  if (colon < at) return undefined;
  const v = colon + 1;
  const date = Date.UTC(digits(text, v, 4), digits(text, v + 4, 2) - 1, digits(text, v + 6, 2));
  if (Number.isNaN(date)) return undefined;
  let last = end;
  while (last > v && (text.charCodeAt(last - 1) === 0x0d || text.charCodeAt(last - 1) === 0x20)) last--;
  const length = last - v;
  const next = text.charCodeAt(v + 8) | 0x20;
  if (length === 9 && next === 0x7a /* z */) odd.zAfterDate++;
  if (next !== 0x74 /* t */) return date;
  const letter = text.charCodeAt(v + 15) | 0x20;
  if (length === 16 && letter >= 0x61 && letter <= 0x79 /* a-y, not z */) odd.letterAfterTime++;
  const time = digits(text, v + 9, 2) * 3_600_000 + digits(text, v + 11, 2) * 60_000;
  return Number.isNaN(time) ? date : date + time;
}

interface Block {
  start: number;
  end: number;
  uid: string;
  from?: number;
  to?: number;
  keep: boolean;
}

/**
 * Drops, before ical.js parses anything, the single events that ended well before
 * `horizon`: most of a real calendar is years of past meetings, and not parsing them is
 * what makes a read cheap. Kept always: recurring events, overrides, events with a
 * DURATION, events sharing a UID with another block (a later revision may move them), and
 * anything it cannot read at a glance (a folded date line): ical.js and the engine decide
 * those. Zone offsets never exceed a day; two days of slack cover them.
 */
export function prefilterIcs(
  text: string,
  horizon: number,
  /** Single events that start after this are left out too (the window ends before it). */
  until = Infinity,
): { text: string; events: number; dropped: number; odd: OddValues } {
  const blocks: Block[] = [];
  const odd: OddValues = { letterAfterTime: 0, zAfterDate: 0 };
  // Event names written in lower case (legal, never seen from an exporter): nothing is dropped.
  if (!text.includes('BEGIN:VEVENT')) return { text, events: 0, dropped: 0, odd };
  // Event by event: the string search built into the engine finds each event and, inside it,
  // the few properties that matter. The script takes a few steps per event, not per line,
  // which is what the first reading in a fresh process (before the JIT warms up) pays for.
  for (let at = 0; ;) {
    const start = lineAt(text, 'BEGIN:VEVENT', at);
    if (start < 0) break;
    const close = lineAt(text, 'END:VEVENT', start);
    if (close < 0) break;
    const newline = text.indexOf('\n', close);
    const end = newline < 0 ? text.length : newline + 1;
    blocks.push(readBlock(text.slice(start, close), start, end, odd));
    at = end;
  }
  const uids = new Map<string, number>();
  for (const b of blocks) uids.set(b.uid, (uids.get(b.uid) ?? 0) + 1);
  const kept: string[] = [];
  let cursor = 0;
  let dropped = 0;
  for (const b of blocks) {
    if (b.keep || !b.uid || uids.get(b.uid)! > 1 || b.from === undefined) continue;
    const ended = Math.max(b.from, b.to ?? b.from + DAY_MS) < horizon - SLACK;
    if (!ended && b.from <= until + SLACK) continue;
    kept.push(text.slice(cursor, b.start));
    cursor = b.end;
    dropped++;
  }
  if (dropped === 0) return { text, events: blocks.length, dropped, odd };
  kept.push(text.slice(cursor));
  return { text: kept.join(''), events: blocks.length, dropped, odd };
}

/** Date values that ical.js reads without a word but that no exporter should write. */
export interface OddValues {
  /** `20131009T170000T`: a letter after the time (read without it). */
  letterAfterTime: number;
  /** `20210527Z`: a Z after a date (read as a whole day). */
  zAfterDate: number;
}

const keepers = ['RRULE', 'RDATE', 'EXRULE', 'RECURRENCE-ID', 'DURATION'];
/** Each property name as it starts a line, made once. */
const lineKeys: Record<string, string> = Object.fromEntries(
  [...keepers, 'UID', 'DTSTART', 'DTEND'].map((name) => [name, `\n${name}`]),
);

/** Where the next line that starts with `word` starts, from `from`; -1 if none. */
function lineAt(text: string, word: string, from: number): number {
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1))
    if (i === 0 || text.charCodeAt(i - 1) === 0x0a) return i;
  return -1;
}

/** Where this property's line starts in an event's text (its name then ";" or ":"); -1 if absent. */
function propertyAt(body: string, name: string): number {
  const key = lineKeys[name] ?? `\n${name}`;
  for (let i = body.indexOf(key); i >= 0; i = body.indexOf(key, i + 1)) {
    const after = body.charCodeAt(i + key.length);
    if (after === 0x3a || after === 0x3b) return i + 1;
  }
  return -1;
}

/**
 * An event's UID, start and end at a glance, and whether it must be kept whatever its dates:
 * a rule, an override, a DURATION, a folded date line. A property written in lower case is
 * not seen, so the event is kept: ical.js and the engine decide.
 */
function readBlock(body: string, start: number, end: number, odd: OddValues): Block {
  // Plain loops and no closures: this runs once per event, mostly before the JIT has warmed up.
  let keep = false;
  for (const word of keepers) if (propertyAt(body, word) >= 0) keep = true;
  const block: Block = { start, end, uid: '', keep, from: undefined, to: undefined };
  const uid = propertyAt(body, 'UID');
  if (uid >= 0) block.uid = body.slice(uid + 4, lineEnd(body, uid)).trim();
  const from = propertyAt(body, 'DTSTART');
  if (from >= 0) {
    const stop = lineEnd(body, from);
    if (isFolded(body, stop))
      block.keep = true; // a folded date line: do not guess
    else block.from = roughTime(body, from, stop, odd);
  }
  const to = propertyAt(body, 'DTEND');
  if (to >= 0) {
    const stop = lineEnd(body, to);
    if (isFolded(body, stop)) block.keep = true;
    else block.to = roughTime(body, to, stop, odd);
  }
  return block;
}

function lineEnd(body: string, at: number): number {
  const newline = body.indexOf('\n', at);
  return newline < 0 ? body.length : newline;
}

/** The line goes on in the next one (a space or tab starts it). */
function isFolded(body: string, lineEnd: number): boolean {
  const next = body.charCodeAt(lineEnd + 1);
  return next === 0x20 || next === 0x09;
}
