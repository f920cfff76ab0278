/**
 * Real exports carry lines ical.js refuses (an unclosed quote in a parameter, spaces inside
 * an RRULE, an Apple X- line without a colon, a date without VALUE=DATE, a bare VEVENT).
 * One such line must cost that line, not the file: this repairs what it can, leaves out
 * what it cannot, and says which line (by number, never its content, which may be a secret).
 */
export interface Repair {
  text: string;
  warnings: string[];
}

interface Line {
  n: number;
  text: string;
}

/** Unfolds continuation lines, keeping the number of the line each property starts on. */
function unfold(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) lines.at(-1)!.text += raw.slice(1);
    else if (raw.trim() !== '') lines.push({ n: i + 1, text: raw });
  });
  return lines;
}

/** The index of the colon that ends the name and parameters (quotes may hold colons). */
function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

export function repairIcs(text: string): Repair {
  const warnings: string[] = [];
  const out: string[] = [];
  const lines = unfold(text);
  if (!lines.some((l) => /^BEGIN:(VCALENDAR|VEVENT)\s*$/i.test(l.text)))
    return {
      text: '',
      warnings: ['this file is not an iCalendar (.ics) calendar: it has no BEGIN:VCALENDAR'],
    };
  for (const { n, text: line } of lines) {
    let fixed = line.replace(/\s+$/, '');
    if (/^(BEGIN|END):/i.test(fixed)) {
      out.push(fixed.toUpperCase());
      continue;
    }
    let colon = valueColon(fixed);
    if (colon < 0) {
      // An unclosed quote hides the colon: drop the quotes of the parameters and look again.
      const plain = fixed.replace(/"/g, '');
      if (plain.includes(':') && /^[\w-]+[;:]/.test(plain)) {
        fixed = plain;
        colon = valueColon(fixed);
        warnings.push(`line ${n}: an unclosed quote, read without quotes`);
      } else {
        warnings.push(`line ${n}: not a calendar property (no colon), left out`);
        continue;
      }
    }
    const head = fixed.slice(0, colon);
    let value = fixed.slice(colon + 1);
    const name = head.split(';')[0]!.toUpperCase();
    if ((name === 'RRULE' || name === 'EXRULE') && /\s/.test(value)) {
      value = value.replace(/\s+/g, '');
      warnings.push(`line ${n}: spaces in a recurrence rule, removed`);
    }
    if (
      /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)$/.test(name) &&
      /^\d{8}$/.test(value) &&
      !/VALUE=DATE/i.test(head)
    ) {
      out.push(`${head};VALUE=DATE:${value}`);
      warnings.push(`line ${n}: a date without VALUE=DATE, read as a whole day`);
      continue;
    }
    out.push(`${head}:${value}`);
  }
  if (!out.some((l) => l === 'BEGIN:VCALENDAR')) {
    warnings.push('no VCALENDAR around the events: read as one calendar');
    out.unshift('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ricochet//repaired//EN');
    out.push('END:VCALENDAR');
  }
  return { text: `${out.join('\r\n')}\r\n`, warnings };
}

/**
 * The file split into one small calendar per VEVENT (each with the file's time zones), for
 * reading event by event when the whole will not parse: a broken event costs only itself.
 */
export function splitEvents(text: string): { text: string; line: number }[] {
  const lines = text.split(/\r\n/);
  const zones: string[] = [];
  const events: { text: string; line: number }[] = [];
  let current: string[] | undefined;
  let zone: string[] | undefined;
  let start = 0;
  lines.forEach((line, i) => {
    if (line === 'BEGIN:VTIMEZONE') zone = [];
    if (zone) zone.push(line);
    if (line === 'END:VTIMEZONE' && zone) {
      zones.push(...zone);
      zone = undefined;
    }
    if (line === 'BEGIN:VEVENT') {
      current = [];
      start = i + 1;
    }
    if (current) current.push(line);
    if (line === 'END:VEVENT' && current) {
      events.push({ text: current.join('\r\n'), line: start });
      current = undefined;
    }
  });
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ricochet//split//EN', ...zones];
  return events.map((e) => ({ text: [...head, e.text, 'END:VCALENDAR', ''].join('\r\n'), line: e.line }));
}
