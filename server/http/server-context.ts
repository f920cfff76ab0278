import type { Storage } from '../db/connect';
import type { ChangeHub } from '../realtime/change-hub';
import type { AskScheduler } from '../realtime/ask-scheduler';
import type { ChangeNotifier } from '../realtime/notifier';

/** What every route and the stream share: the database, the change hub and the notifier. */
export interface ServerContext {
  storage: Storage;
  hub: ChangeHub;
  notifier: ChangeNotifier;
  asks: AskScheduler;
  /** The server's clock (tests move it). */
  now: () => number;
}
