import { placeAt, type Place, type PlaceSpan } from '../availability/places';
import type { Locale } from './locale';
import { translate } from './translate';

/** "Home today", "Office · Lyon": where someone works, in the viewer's language. */
export function placeText(place: Place, locale: Locale): string {
  const key = place.label ? (`place.${place.kind}.at` as const) : (`place.${place.kind}` as const);
  return translate(locale, key, place.label ? { label: place.label } : {});
}

/** Where a member works now, from what they published (instants as UTC strings), in words. */
export function placeNow(
  places: readonly { start: string; end: string; kind: Place['kind']; label?: string }[],
  now: number,
  locale: Locale,
): string | null {
  if (places.length === 0) return null;
  const spans: PlaceSpan[] = places.map((p) => ({
    ...p,
    start: Date.parse(p.start),
    end: Date.parse(p.end),
  }));
  const place = placeAt(spans, now);
  return place ? placeText(place, locale) : null;
}
