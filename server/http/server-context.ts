import type { Storage } from '../db/connect';
import type { ChangeHub } from '../realtime/change-hub';
import type { ChangeNotifier } from '../realtime/notifier';

/** What every route and the stream share: the database, the change hub and the notifier. */
export interface ServerContext {
  storage: Storage;
  hub: ChangeHub;
  notifier: ChangeNotifier;
}
