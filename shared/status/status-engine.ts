import { firstEndingAfter, type BusyKind, type Segment } from '../availability/segments';
import { workingSpans, wallDayStart, type WorkingHours } from '../availability/working-hours';
import { DAY_MS } from '../time/zoned-time';

export type ManualState = 'available' | 'focus' | 'away' | 'dnd';

export interface ManualStatus {
  state: ManualState | null;
  emoji?: string | null;
  text?: string | null;
  /** Instant (ms) when it stops counting; null for "until I change it". */
  until: number | null;
}

/** What the status engine needs to know about one person. */
export interface PersonState {
  manual?: ManualStatus | null;
  /** Published segments, sorted and non-overlapping. */
  busy: readonly Segment[];
  /** Working hours in the person's own zone; absent means "always working". */
  hours?: WorkingHours;
  timezone?: string;
  /** False for someone who never shared a calendar: "free" cannot be told, only unknown. */
  shared?: boolean;
}

export type DisplayState =
  'dnd' | 'away' | 'oof' | 'busy' | 'focus' | 'tentative' | 'off' | 'free' | 'unknown';

export interface Status {
  state: DisplayState;
  /** When the winning reason ends (meeting end, manual expiry, back at work), if known. */
  until: number | null;
  /** For "free until HH:MM": the start of the next busy segment. */
  freeUntil: number | null;
  /** When the person is next free (end of the busy run), for "free at 15:30". */
  freeAt: number | null;
  emoji: string | null;
  text: string | null;
  /** Out of office now: back then (shown even when a manual status wins). */
  oofUntil: number | null;
  /** For "free until": what comes then (a maybe-meeting, a meeting, the end of the day's hours). */
  then: DisplayState | null;
  /** The next instant at which this answer can change: one timer instead of polling. */
  nextChange: number | null;
}

/** End of the run of touching segments from index i whose kinds are in `kinds`. */
function runEnd(busy: readonly Segment[], i: number, kinds: readonly BusyKind[]): number {
  let end = busy[i]!.end;
  for (let j = i + 1; j < busy.length && busy[j]!.start === end && kinds.includes(busy[j]!.kind); j++)
    end = busy[j]!.end;
  return end;
}

/**
 * The working span holding t (touching spans joined: "00:00-24:00" every day is one span, and a
 * night shift runs past midnight), and the next one to start after it, in the person's zone.
 * A span that runs to the end of what is looked at has no end in sight (`to` undefined).
 */
function workingAround(hours: WorkingHours, tz: string, t: number) {
  const spans = workingSpans(hours, tz, wallDayStart(tz, t) - DAY_MS, 9);
  const joined: { from: number; to: number }[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else joined.push({ ...span });
  }
  const end = spans.at(-1)?.to;
  const current = joined.find((s) => s.from <= t && t < s.to);
  return {
    current: current && { from: current.from, to: current.to === end ? undefined : current.to },
    next: joined.find((s) => s.from > t),
  };
}

/**
 * "Back": the first instant from t that is inside working hours and not out of office (a day
 * off tomorrow moves it to the day after). Without working hours, the end of any out of
 * office. Null when no such instant is in sight (a month of out of office).
 */
function backAt(person: PersonState, t: number): number | null {
  const oofEnd = (at: number) => {
    const i = firstEndingAfter(person.busy, at);
    const s = person.busy[i];
    return s && s.start <= at && s.kind === 'oof' ? runEnd(person.busy, i, ['oof']) : at;
  };
  if (!person.hours || !person.timezone) return oofEnd(t);
  for (const span of workingSpans(
    person.hours,
    person.timezone,
    wallDayStart(person.timezone, t) - DAY_MS,
    32,
  )) {
    if (span.to <= t) continue;
    const candidate = oofEnd(Math.max(span.from, t));
    if (candidate < span.to) return candidate;
  }
  return null;
}

/**
 * A person's displayed state at time t: one pure function of their data and the clock,
 * with DESIGN.md's precedence. A manual status with an expiry simply stops counting then.
 * Every time it names is a real change of what a person would do: the state holds until
 * "until" (for "free", "freeUntil") and changes there; "back" (off, out of office) is the
 * first working instant not out of office; "free at" is the first instant every reason has
 * ended, the moment an ask is delivered. Found by following each state to its end.
 */
export function computeStatus(person: PersonState, t: number): Status {
  const [first, ...later] = statusChain(person, t);
  // The status only: the step's own fields (from, manual) say when it was asked, not what it is.
  const { from: _from, manual: _manual, ...status } = first!;
  if (status.state === 'free' || status.state === 'unknown') return status;
  const last = later.at(-1);
  return { ...status, freeAt: last?.state === 'free' ? last.from : null };
}

/** One step of a person's day: a state from an instant until the next. */
export interface ChainStep {
  state: DisplayState;
  from: number;
  until: number | null;
  /** For a manual status: it was set by the person (not read from a calendar or hours). */
  manual: boolean;
}

/**
 * Why a person is shown as they are: each reason in order, followed to its end, until they are
 * free ("focus until 16:00 · then a meeting until 16:30 · free at 16:30"). The first step is
 * the displayed state; the last is "free" when a free moment is in sight.
 */
export function statusChain(person: PersonState, t: number): (Status & ChainStep)[] {
  const first = stateAt(person, t);
  const step = (s: Status, from: number) => ({
    ...s,
    from,
    manual: s.state === 'dnd' || s.state === 'away' || s.state === 'focus',
  });
  const chain = [step(first, t)];
  if (first.state === 'free' || first.state === 'unknown') return chain;
  let at = first.until;
  for (let i = 0; i < 64 && at !== null; i++) {
    const later = stateAt(person, at);
    chain.push(step(later, at));
    if (later.state === 'free' || later.state === 'unknown' || later.until === null || later.until <= at)
      break;
    at = later.until;
  }
  return chain;
}

function stateAt(person: PersonState, t: number, withThen = true): Status {
  const manual =
    person.manual && person.manual.state && (person.manual.until === null || person.manual.until > t)
      ? person.manual
      : null;
  const i = firstEndingAfter(person.busy, t);
  const current = person.busy[i] && person.busy[i]!.start <= t ? person.busy[i]! : undefined;
  const next = current ? person.busy[i + 1] : person.busy[i];
  const work = person.hours && person.timezone ? workingAround(person.hours, person.timezone, t) : undefined;
  const off = work !== undefined && work.current === undefined;

  const changes = [manual?.until, current?.end, next?.start, work?.current?.to, work?.next?.from].filter(
    (x): x is number => typeof x === 'number' && x > t,
  );
  const oofNow = current?.kind === 'oof';
  const base = {
    emoji: manual?.emoji ?? null,
    text: manual?.text ?? null,
    nextChange: changes.length > 0 ? Math.min(...changes) : null,
    freeUntil: null,
    freeAt: null,
    then: null,
    oofUntil: oofNow ? backAt(person, t) : null,
  };
  const earliest = (...times: (number | null | undefined)[]) => {
    const known = times.filter((x): x is number => typeof x === 'number' && x > t);
    return known.length > 0 ? Math.min(...known) : null;
  };
  // The next segment that outranks focus (a meeting, out of office) ends a focus early.
  const nextStrong = person.busy
    .slice(i)
    .find((s) => s.kind !== 'tentative' && s.kind !== 'focus' && s.start > t)?.start;

  if (manual && (manual.state === 'dnd' || manual.state === 'away'))
    return { ...base, state: manual.state, until: manual.until };
  if (oofNow) return { ...base, state: 'oof', until: base.oofUntil };
  if (current?.kind === 'busy') return { ...base, state: 'busy', until: runEnd(person.busy, i, ['busy']) };
  if (manual?.state === 'focus')
    return { ...base, state: 'focus', until: earliest(manual.until, nextStrong) };
  // A focus block from the calendar is focus, not a meeting.
  if (current?.kind === 'focus') return { ...base, state: 'focus', until: runEnd(person.busy, i, ['focus']) };
  if (current?.kind === 'tentative')
    return { ...base, state: 'tentative', until: runEnd(person.busy, i, ['tentative']) };
  if (off) return { ...base, state: 'off', until: backAt(person, t) };
  if (person.shared === false) return { ...base, state: 'unknown', until: null };
  // Free until what comes first: any meeting (a tentative one too) or the end of the day's hours.
  const freeUntil = earliest(next?.start, work?.current?.to);
  return {
    ...base,
    state: 'free',
    until: null,
    freeUntil,
    then: freeUntil === null || !withThen ? null : stateAt(person, freeUntil, false).state,
  };
}
