import type { IncomingMessage } from 'node:http';
import type { Storage } from '../db/connect';
import type { ChangeHub } from '../realtime/change-hub';
import type { AskScheduler } from '../realtime/ask-scheduler';
import type { ChangeNotifier } from '../realtime/notifier';
import type { TokenGate } from './token-gate';
import type { RecipientLimit } from './recipient-limit';
import type { ProfileCoalescer } from '../realtime/profile-coalescer';

/** What every route and the stream share: the database, the change hub and the notifier. */
export interface ServerContext {
  storage: Storage;
  hub: ChangeHub;
  notifier: ChangeNotifier;
  asks: AskScheduler;
  /** Who a token belongs to, with the per-address limit on invalid ones (routes and stream). */
  tokens: TokenGate;
  /** Mentions and asks from one person to another, per minute. */
  recipients: RecipientLimit;
  /** A burst of one person's profile edits goes out once, the last one. */
  profiles: ProfileCoalescer;
  /** The client's own address (behind a trusted proxy, the one it forwarded), as routes see it. */
  clientAddress: (request: IncomingMessage) => string;
  /** A warning for the server's log (what went wrong after a change was stored). */
  log: (message: string) => void;
  /** The server's clock (tests move it). */
  now: () => number;
}
