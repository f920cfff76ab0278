import type { Member } from '../../store/members';
import { rescheduleAsksTo } from '../../store/asks';
import { collectAppended } from '../../store/appended-rows';
import type { ServerContext } from '../server-context';

/** What a mutation touches beyond its own rows, so that what follows the store is never forgotten. */
export interface Mutation<T> {
  /** Whose log grows: the caller's organisation, or the one the result names (a join). */
  org: string | ((result: T) => string);
  /** Stores the change and appends it to the log, in one transaction. */
  store: () => Promise<T>;
  /** Whether it changed anything (the same client id sent again changes nothing). */
  changed?: (result: T) => boolean;
  /** This member's status, calendar or hours changed: asks waiting for them get their new time. */
  presenceOf?: Member | ((result: T) => Member);
  /** An ask was made or answered: the delivery timer is set again. */
  asks?: boolean;
  /** This member was removed: their live streams close now. */
  removes?: string;
}

/**
 * The one path of every write: store (with its log entry); once committed, the streams it
 * closes and the notice that the organisation's log grew; then the asks it affects.
 */
export function mutations(context: ServerContext) {
  const { db } = context.storage;
  return async function mutate<T>(mutation: Mutation<T>): Promise<T> {
    const { result, rows } = await collectAppended(mutation.store);
    if (mutation.changed && !mutation.changed(result)) return result;
    const org = typeof mutation.org === 'string' ? mutation.org : mutation.org(result);
    // The streams hear of it first; the asks it moves follow (announced again if any moved).
    // The answer waits until the change is handed to every stream: a writer faster than the
    // fan-out is slowed down, rather than piling up sends that delay everyone's next change.
    if (mutation.removes) context.hub.closeMember(mutation.removes);
    // Nothing appended (a held profile edit): nobody to tell.
    if (rows.length > 0) await context.notifier.changed(org, rows);
    // What follows is not the change itself: it is stored, so the answer says so even if this
    // fails (never "nothing was changed" when something was); the next change or sweep redoes it.
    try {
      if (mutation.presenceOf) {
        const member =
          typeof mutation.presenceOf === 'function' ? mutation.presenceOf(result) : mutation.presenceOf;
        // Only moved asks can have come due: nothing moved, nothing to deliver or to time again.
        if ((await rescheduleAsksTo(db, member, context.now())) > 0) {
          void context.notifier.changed(org);
          await context.asks.check();
        }
      }
      if (mutation.asks) await context.asks.arm();
    } catch (error) {
      context.log(`after a stored change, the asks could not be updated: ${(error as Error).message}`);
    }
    return result;
  };
}

export type Mutate = ReturnType<typeof mutations>;
