import type { Migration } from 'kysely';
import { migration as m001 } from './001-initial';
import { migration as m002 } from './002-asks-decisions';
import { migration as m003 } from './003-stale-availability';
import { migration as m004 } from './004-compaction';
import { migration as m005 } from './005-ids-per-team';
import { migration as m006 } from './006-groups';
import { migration as m007 } from './007-stars';
import { migration as m008 } from './008-mentions';
import { migration as m009 } from './009-places';
import { migration as m010 } from './010-calendar-apps';
import { migration as m011 } from './011-whole-organisation';
import { migration as m012 } from './012-profile-pending';
import { migration as m013 } from './013-devices';
import { migration as m014 } from './014-directory';
import { migration as m015 } from './015-single-sign-on';
import { migration as m016 } from './016-urgent-asks';

/**
 * Every migration by name, in the order they run: one numbered file each. Released ones never
 * change; a schema change is a new file with the next number.
 */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_asks_decisions': m002,
  '003_stale_availability': m003,
  '004_compaction': m004,
  '005_ids_per_team': m005,
  '006_groups': m006,
  '007_stars': m007,
  '008_mentions': m008,
  '009_places': m009,
  '010_calendar_apps': m010,
  '011_whole_organisation': m011,
  '012_profile_pending': m012,
  '013_devices': m013,
  '014_directory': m014,
  '015_single_sign_on': m015,
  '016_urgent_asks': m016,
};
