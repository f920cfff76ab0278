import { boundPlaces } from '../../shared/availability/places';
import { mergeSegments, type Segment } from '../../shared/availability/segments';
import { summarize } from '../../shared/availability/summary';
import { availabilityLimits } from '../../shared/protocol/changes';
import type { AvailabilityBody } from '../../shared/protocol/schemas';
import { isoInstant } from '../../shared/time/zoned-time';
import type { Profile } from './members';

const limits = availabilityLimits;

const ms = (iso: string) => Date.parse(iso);

/**
 * One person's availability from what each of their devices published: each device's busy time
 * kept apart and joined here, so two laptops reading different calendars never overwrite each
 * other. Devices whose window has passed (a laptop left closed for weeks) no longer count while
 * another still does. The window ends where the shortest one ends, so nothing a device could not
 * see reads as free; where busy time overlaps, the stronger kind wins (mergeSegments). The load
 * is the same function as the desktop's, over the joined time, in the person's zone and hours.
 */
export function joinAvailability(
  parts: readonly AvailabilityBody[],
  profile: Profile,
  now: number,
): AvailabilityBody {
  const current = parts.filter((p) => ms(p.window.to) > now);
  const counted = current.length > 0 ? current : parts.slice(-1);
  if (counted.length === 1) return counted[0]!;
  const window = {
    from: Math.min(...counted.map((p) => ms(p.window.from))),
    to: Math.min(...counted.map((p) => ms(p.window.to))),
  };
  const all: Segment[] = counted.flatMap((p) =>
    p.busy.map((s) => ({ start: ms(s.start), end: ms(s.end), kind: s.kind })),
  );
  let busy = mergeSegments(all, window);
  if (busy.length > limits.busy) {
    window.to = busy[limits.busy]!.start;
    busy = busy.slice(0, limits.busy);
  }
  const load =
    profile.timezone && profile.workingHours
      ? summarize({ segments: busy, window, now, tz: profile.timezone, hours: profile.workingHours })
      : {
          loadToday: Math.max(...counted.map((p) => p.loadToday ?? 0)),
          loadWeek: Math.max(...counted.map((p) => p.loadWeek ?? 0)),
        };
  const titles = unique(
    counted.flatMap((p) => p.titles ?? []),
    (t) => `${t.start} ${t.title}`,
  )
    .filter((t) => ms(t.start) < window.to)
    .sort((a, b) => ms(a.start) - ms(b.start))
    .slice(0, limits.titles);
  const places = boundPlaces(
    unique(
      counted.flatMap((p) => p.places ?? []),
      (p) => JSON.stringify(p),
    ).map((p) => ({
      ...p,
      start: ms(p.start),
      end: ms(p.end),
    })),
    window,
    limits.places,
  ).map((p) => ({ ...p, start: isoInstant(p.start), end: isoInstant(p.end) }));
  const stale = counted
    .map((p) => p.staleSince)
    .filter((s): s is string => !!s)
    .sort()[0];
  return {
    window: { from: isoInstant(window.from), to: isoInstant(window.to) },
    busy: busy.map((s) => ({ start: isoInstant(s.start), end: isoInstant(s.end), kind: s.kind })),
    loadToday: load.loadToday,
    loadWeek: load.loadWeek,
    ...(titles.length > 0 ? { titles } : {}),
    ...(places.length > 0 ? { places } : {}),
    ...(stale ? { staleSince: stale } : {}),
  };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
