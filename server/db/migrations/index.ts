import type { Migration } from 'kysely';
import { releasedMigrations } from './001-to-005';
import { groupsMigration, starsMigration } from './groups';
import { mentionsMigration } from './mentions';
import { placesMigration } from './places';
import { calendarAppsMigration } from './calendar-apps';
import { wholeOrganisationMigration } from './whole-organisation';
import { profilePendingMigration } from './profile-pending';
import { devicesMigration } from './devices';
import { directoryMigration } from './directory';
import { singleSignOnMigration } from './single-sign-on';
import { urgentAsksMigration } from './urgent-asks';

/** Every migration, by name in the order they run. Released ones never change: add a new one. */
export const migrations: Record<string, Migration> = {
  ...releasedMigrations,
  '006_groups': groupsMigration,
  '007_stars': starsMigration,
  '008_mentions': mentionsMigration,
  '009_places': placesMigration,
  '010_calendar_apps': calendarAppsMigration,
  '011_whole_organisation': wholeOrganisationMigration,
  '012_profile_pending': profilePendingMigration,
  '013_devices': devicesMigration,
  '014_directory': directoryMigration,
  '015_single_sign_on': singleSignOnMigration,
  '016_urgent_asks': urgentAsksMigration,
};
