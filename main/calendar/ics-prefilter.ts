import { DAY_MS } from '../../shared/time/zoned-time';

const SLACK = 2 * DAY_MS;

/** The date (and time) after the value colon, read as if UTC: good to within a day. */
function roughTime(line: string): number | undefined {
  const m = /:(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?/.exec(line);
  return m
    ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0))
    : undefined;
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
): { text: string; events: number; dropped: number; odd: OddValues } {
  const blocks: Block[] = [];
  const odd: OddValues = { letterAfterTime: 0, zAfterDate: 0 };
  let current: Block | undefined;
  // Line by line with indexOf and a look at the first letters: no regex over the whole text.
  for (let at = 0; at < text.length;) {
    const newline = text.indexOf('\n', at);
    const next = newline < 0 ? text.length : newline + 1;
    const c = text.charCodeAt(at) | 0x20; // lower-case ASCII letter
    if (c === 0x62 /* b */ && startsWith(text, at, 'BEGIN:VEVENT'))
      current = { start: at, end: -1, uid: '', keep: false };
    else if (current && c === 0x65 /* e */ && startsWith(text, at, 'END:VEVENT')) {
      current.end = next;
      blocks.push(current);
      current = undefined;
    } else if (current && (c === 0x75 || c === 0x64 || c === 0x72)) {
      const end = newline < 0 ? text.length : newline;
      const folded = text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x09;
      if (isProperty(text, at, 'UID')) current.uid = text.slice(at + 4, end).trim();
      else if (isProperty(text, at, 'DTSTART')) {
        if (folded)
          current.keep = true; // a folded date line: do not guess
        else current.from = roughTime(noteOdd(text.slice(at, end), odd));
      } else if (isProperty(text, at, 'DTEND')) {
        if (folded) current.keep = true;
        else current.to = roughTime(noteOdd(text.slice(at, end), odd));
      } else if (keepers.some((word) => isProperty(text, at, word))) current.keep = true;
    }
    at = next;
  }
  const uids = new Map<string, number>();
  for (const b of blocks) uids.set(b.uid, (uids.get(b.uid) ?? 0) + 1);
  const kept: string[] = [];
  let cursor = 0;
  let dropped = 0;
  for (const b of blocks) {
    if (b.keep || !b.uid || uids.get(b.uid)! > 1 || b.from === undefined) continue;
    if (Math.max(b.from, b.to ?? b.from + DAY_MS) >= horizon - SLACK) continue;
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

/** Counts an odd value on a DTSTART or DTEND line already in hand; returns the line. */
function noteOdd(line: string, odd: OddValues): string {
  const value = line.slice(line.lastIndexOf(':') + 1).trimEnd();
  if (/^\d{8}T\d{6}[A-Y]$/i.test(value)) odd.letterAfterTime++;
  else if (/^\d{8}Z$/i.test(value)) odd.zAfterDate++;
  return line;
}

const keepers = ['RRULE', 'RDATE', 'EXRULE', 'RECURRENCE-ID', 'DURATION'];

/** A content line of this property (its name then ";" or ":"). */
function isProperty(text: string, at: number, word: string): boolean {
  const after = text.charCodeAt(at + word.length);
  return (after === 0x3a || after === 0x3b) && startsWith(text, at, word);
}

/** Property names are case-insensitive; exporters write them upper-case (the fast path). */
function startsWith(text: string, at: number, word: string): boolean {
  if (text.startsWith(word, at)) return true;
  return text.charCodeAt(at) >= 0x61 && text.slice(at, at + word.length).toUpperCase() === word;
}
