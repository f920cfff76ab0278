/**
 * Wall-clock ↔ UTC conversion for IANA zones through Intl, so that shared/ needs no time
 * zone library and the renderer gets the same answers as the core. A "wall" time is a
 * local date and time encoded as if it were UTC (Date.UTC of its fields).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
/** Per zone and UTC week or day: the offset of a span without a change, or null for one with a change. */
const steadyOffsets = new Map<string, Map<number, number | null>>();
const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows this IANA zone name. */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function offsetFromIntl(zone: string, at: number): number {
  const parts: Record<string, number> = {};
  let bc = false;
  for (const p of formatter(zone).formatToParts(at)) {
    if (p.type === 'era') bc = p.value === 'BC' || p.value === 'B';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = bc ? 1 - (parts['year'] ?? 0) : (parts['year'] ?? 0);
  const fields = new Date(0);
  fields.setUTCFullYear(year, (parts['month'] ?? 1) - 1, parts['day']);
  fields.setUTCHours(parts['hour'] ?? 0, parts['minute'], parts['second']);
  return fields.getTime() - at;
}

/** The zone's offset from UTC (ms) at a UTC instant. Zone changes fall on quarter hours. */
export function zoneOffset(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  // Most weeks, and nearly every day, have one offset: asked at both ends of a (UTC) week,
  // then of a day, a span without a change answers for all its quarter hours, so Intl is
  // called a few times a week rather than once a quarter hour.
  return (
    steadyOffset(zone, 'week', Math.floor(utcMs / WEEK), WEEK) ??
    steadyOffset(zone, 'day', Math.floor(utcMs / DAY), DAY) ??
    quarterOffset(zone, Math.floor(utcMs / QUARTER_HOUR))
  );
}

/** The offset of a whole span (a week, a day) when it has no change in it; null when it has one. */
function steadyOffset(zone: string, kind: 'week' | 'day', index: number, length: number): number | null {
  const key = `${kind} ${zone}`;
  let spans = steadyOffsets.get(key);
  if (!spans) steadyOffsets.set(key, (spans = new Map()));
  let offset = spans.get(index);
  if (offset === undefined) {
    const first = quarterOffset(zone, (index * length) / QUARTER_HOUR);
    const last = quarterOffset(zone, ((index + 1) * length) / QUARTER_HOUR - 1);
    offset = first === last ? first : null;
    if (spans.size > 100_000) spans.clear();
    spans.set(index, offset);
  }
  return offset;
}

/** The offset in one quarter hour (zone changes fall on quarter hours), asked of Intl once. */
function quarterOffset(zone: string, bucket: number): number {
  let zoneOffsets = offsets.get(zone);
  if (!zoneOffsets) offsets.set(zone, (zoneOffsets = new Map()));
  let offset = zoneOffsets.get(bucket);
  if (offset === undefined) {
    offset = offsetFromIntl(zone, bucket * QUARTER_HOUR);
    if (zoneOffsets.size > 100_000) zoneOffsets.clear();
    zoneOffsets.set(bucket, offset);
  }
  return offset;
}

/**
 * The UTC instant of a wall time in a zone. Like Python's zoneinfo with fold=0 (and so the
 * reference implementation): a time skipped by a spring-forward change uses the offset
 * from before the change, and a repeated time resolves to its first occurrence.
 */
export function wallToUtc(zone: string, wallMs: number): number {
  const before = zoneOffset(zone, wallMs - DAY);
  const after = zoneOffset(zone, wallMs + DAY);
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  if (zoneOffset(zone, early) === before) return early;
  const late = wallMs - after;
  if (zoneOffset(zone, late) === after) return late;
  return early;
}

/** The wall time (fields encoded as UTC) of an instant in a zone. */
export function utcToWall(zone: string, utcMs: number): number {
  return utcMs + zoneOffset(zone, utcMs);
}

/** ISO instant without milliseconds, the protocol's format: 2026-03-10T08:30:00Z. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses an instant given with a Z or an offset; throws a clear error otherwise. */
export function parseInstant(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new Error(`"${text}" is not an instant like 2026-03-10T08:30:00Z`);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`"${text}" is not a valid date`);
  return ms;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = DAY;
