import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { isKnownZone, utcToWall, wallToUtc } from '../../shared/time/zoned-time';

/** A time zone as the engine needs it: wall time (fields encoded as UTC ms) ↔ UTC. */
export interface Zone {
  id: string;
  toUtc(wall: number): number;
  toWall(utc: number): number;
}

export const utcZone: Zone = { id: 'UTC', toUtc: (w) => w, toWall: (u) => u };

const ianaZones = new Map<string, Zone>();
export function ianaZone(id: string): Zone {
  let zone = ianaZones.get(id);
  if (!zone) {
    zone = { id, toUtc: (w) => wallToUtc(id, w), toWall: (u) => utcToWall(id, u) };
    ianaZones.set(id, zone);
  }
  return zone;
}

/** A zone defined by the file's own VTIMEZONE, through ical.js's implementation. */
function vtimezoneZone(id: string, component: ICAL.Component): Zone {
  const tz = new ICAL.Timezone({ component, tzid: id });
  const offsets = new Map<number, number>();
  const offsetAtWall = (wall: number) => {
    const key = Math.floor(wall / 900_000);
    let offset = offsets.get(key);
    if (offset === undefined) {
      const d = new Date(wall);
      const time = ICAL.Time.fromData({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        isDate: false,
      });
      offset = tz.utcOffset(time) * 1000;
      offsets.set(key, offset);
    }
    return offset;
  };
  return {
    id,
    toUtc: (wall) => wall - offsetAtWall(wall),
    toWall: (utc) => utc + offsetAtWall(utc + offsetAtWall(utc)),
  };
}

/**
 * A VTIMEZONE whose changes are listed as dates (DTSTART plus RDATE lists, no RRULE), as some
 * exporters write them: every listed date is a change. ical.js reads only the first date of
 * each list and not the block's own start, which misplaces events by hours.
 */
function listedChangesZone(id: string, component: ICAL.Component): Zone | null {
  const blocks = [...component.getAllSubcomponents('standard'), ...component.getAllSubcomponents('daylight')];
  if (blocks.length === 0 || blocks.some((b) => b.hasProperty('rrule'))) return null;
  if (!blocks.some((b) => b.hasProperty('rdate'))) return null;
  const seconds = (value: unknown) => (value as ICAL.UtcOffset).toSeconds() * 1000;
  const wallOf = (t: ICAL.Time) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const changes: { at: number; from: number; to: number }[] = [];
  for (const block of blocks) {
    const from = seconds(block.getFirstPropertyValue('tzoffsetfrom'));
    const to = seconds(block.getFirstPropertyValue('tzoffsetto'));
    const onsets = [
      block.getFirstPropertyValue('dtstart'),
      ...block.getAllProperties('rdate').flatMap((p) => p.getValues()),
    ];
    for (const onset of onsets)
      if (onset instanceof ICAL.Time) changes.push({ at: wallOf(onset) - from, from, to });
  }
  if (changes.length === 0) return null;
  changes.sort((a, b) => a.at - b.at);
  const offsetAt = (utc: number) => {
    let offset = changes[0]!.from;
    for (const change of changes) {
      if (change.at > utc) break;
      offset = change.to;
    }
    return offset;
  };
  return {
    id,
    toUtc: (wall) => {
      const guess = wall - offsetAt(wall);
      return wall - offsetAt(guess);
    },
    toWall: (utc) => utc + offsetAt(utc),
  };
}

/** Strips what some producers wrap around a zone name: "/Europe/Paris", quotes. */
function cleanTzid(tzid: string): string {
  return tzid.replace(/^"|"$/g, '').replace(/^\/+/, '').trim();
}

/**
 * Resolves TZIDs for one calendar file: a name the IANA database knows first (exporters
 * often ship VTIMEZONEs cut down to a few years, which would misplace older or later
 * events), then the file's own VTIMEZONE, then Windows zone names (CLDR's mapping).
 * Unknown names are reported once each.
 */
export class ZoneResolver {
  private readonly cache = new Map<string, Zone | null>();
  private readonly vtimezones = new Map<string, ICAL.Component>();
  readonly unknown = new Set<string>();

  constructor(root: ICAL.Component) {
    for (const vtz of root.getAllSubcomponents('vtimezone')) {
      const tzid = vtz.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string' && !this.vtimezones.has(tzid)) this.vtimezones.set(tzid, vtz);
    }
  }

  resolve(tzid: string): Zone | null {
    let zone = this.cache.get(tzid);
    if (zone === undefined) {
      zone = this.lookUp(tzid);
      if (!zone) this.unknown.add(tzid);
      this.cache.set(tzid, zone);
    }
    return zone;
  }

  private lookUp(tzid: string): Zone | null {
    const iana = ianaByName(tzid);
    if (iana) return iana;
    const vtz = this.vtimezones.get(tzid);
    if (vtz && (vtz.getFirstSubcomponent('standard') || vtz.getFirstSubcomponent('daylight'))) {
      try {
        return listedChangesZone(tzid, vtz) ?? vtimezoneZone(tzid, vtz);
      } catch {
        // A VTIMEZONE ical.js cannot read: fall through to Windows names.
      }
    }
    return zoneByName(tzid);
  }
}

function ianaByName(name: string): Zone | null {
  const clean = cleanTzid(name);
  if (clean === 'UTC' || clean === 'GMT' || clean === 'Z') return utcZone;
  return clean.includes('/') && isKnownZone(clean) ? ianaZone(clean) : null;
}

/** An IANA or Windows zone name (or a Windows display name) to a Zone, or null. */
export function zoneByName(name: string): Zone | null {
  const iana = ianaByName(name);
  if (iana) return iana;
  const windows = findIana(cleanTzid(name))?.[0] ?? fromDisplayName(cleanTzid(name));
  return windows && isKnownZone(windows) ? ianaZone(windows) : null;
}

let cities: Map<string, string> | undefined;

/**
 * Exchange and OWA exports name zones by what Windows shows, "(UTC-05:00) Eastern Time (US &
 * Canada)" or "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", without a VTIMEZONE; Exchange
 * 2007/2010 and old Outlook said GMT: "(GMT+10:00) Canberra, Melbourne, Sydney", "(GMT)
 * Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London". The region names map to Windows ids
 * ("Eastern Standard Time"), the city lists to the IANA zone of a city; either must agree with
 * the standard offset the name states.
 */
export function fromDisplayName(name: string): string | undefined {
  const m = /^\((?:UTC|GMT)(?:([+-])(\d{2}):(\d{2}))?\)\s*(.+)$/.exec(name);
  if (!m) return undefined;
  const offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  // "Greenwich Mean Time : Dublin, Edinburgh": a region, then its cities.
  const parts = m[4]!.split(/\s+:\s+/);
  const label = parts
    .at(-1)!
    .replace(/\s*\(.*\)\s*$/, '')
    .trim();
  const candidates: string[] = [];
  const region = /^(.+?) Time$/.exec(parts[0]!.replace(/\s*\(.*\)\s*$/, '').trim())?.[1];
  if (region) candidates.push(...(findIana(`${region} Standard Time`) ?? []));
  cities ??= new Map(
    Intl.supportedValuesOf('timeZone').map((zone) => [
      zone.split('/').at(-1)!.replace(/_/g, ' ').toLowerCase(),
      zone,
    ]),
  );
  if (/^Coordinated Universal Time$/i.test(label)) candidates.push('UTC');
  for (const city of label.split(',')) {
    const zone = cities.get(city.trim().toLowerCase());
    if (zone) candidates.push(zone);
    // ICU lists some cities under their old names (Asia/Calcutta): try the current one too.
    const id = city.trim().replace(/\s+/g, '_');
    for (const area of ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian'])
      if (isKnownZone(`${area}/${id}`)) candidates.push(`${area}/${id}`);
  }
  // The stated offset is the zone's standard one (January in the north, July in the south).
  const standard = (zone: string) =>
    Math.min(...[Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map((t) => (utcToWall(zone, t) - t) / 60_000));
  return candidates.find((zone) => isKnownZone(zone) && standard(zone) === offset);
}
