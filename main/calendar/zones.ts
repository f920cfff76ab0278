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
        return vtimezoneZone(tzid, vtz);
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

/** An IANA or Windows zone name to a Zone, or null. */
export function zoneByName(name: string): Zone | null {
  const iana = ianaByName(name);
  if (iana) return iana;
  const windows = findIana(cleanTzid(name))?.[0];
  return windows && isKnownZone(windows) ? ianaZone(windows) : null;
}
