// The team server's one public entry: what the desktop (hosting a team, the `server` and
// `admin` commands) may use. Lint forbids importing anything deeper from outside server/.
export { runServer, type RunOptions } from './run-server';
export { openStorage, type Storage, type StorageConfig } from './db/connect';
export {
  createInvite,
  createOrganisation,
  listMembers,
  promoteMember,
  removeMember,
  revokeInvite,
  selfOf,
} from './store/members';
export { listDevices, rotateToken } from './store/devices';
export { removeDevice } from './store/device-availability';
export { getMember } from './store/members';
export { setDirectorySecret } from './store/directory';
export { setSso } from './store/single-sign-on';
export { prunePosts } from './store/change-log';
export { calendarApps, setCalendarApps } from './store/calendar-apps';
export { createGroup, findGroup, listGroups, setInGroup } from './store/groups';
export type { RicochetServer } from './http/app';
export { announceWrites } from './realtime/notifier';
