/**
 * Where a person works for a span of time (Outlook's "working elsewhere", Google's working
 * location). A place is never busy time: it is shown beside the state, not instead of it.
 */
export const placeKinds = ['home', 'office', 'elsewhere'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** Longest place name that leaves the machine ("Office · Lyon, building B"). */
export const PLACE_LABEL_MAX = 60;

export interface Place {
  kind: PlaceKind;
  /** The building, city or address the calendar gives, when it gives one. */
  label?: string;
}

export interface PlaceSpan extends Place {
  start: number;
  end: number;
}

/**
 * The place in effect at an instant: the shortest span covering it (a day at the office
 * inside a week at home is the office that day), or null when the calendar says nothing.
 */
export function placeAt(places: readonly PlaceSpan[], at: number): Place | null {
  let best: PlaceSpan | undefined;
  for (const p of places)
    if (p.start <= at && at < p.end && (!best || p.end - p.start < best.end - best.start)) best = p;
  return best ? { kind: best.kind, ...(best.label ? { label: best.label } : {}) } : null;
}

/** Spans sorted, each cut to the window, at most `max` of them, labels cut to their length. */
export function boundPlaces(places: readonly PlaceSpan[], window: { from: number; to: number }, max: number) {
  return places
    .map((p) => ({ ...p, start: Math.max(p.start, window.from), end: Math.min(p.end, window.to) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .slice(0, max)
    .map((p) => (p.label ? { ...p, label: cutLabel(p.label) } : p));
}

const cutLabel = (label: string) =>
  label
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, PLACE_LABEL_MAX)
    .replace(/[\uD800-\uDBFF]$/, '');
