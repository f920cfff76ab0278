import type { BusyKind } from '../../shared/availability/segments';
import type { BusyProps } from './event-record';

/**
 * Whether an occurrence counts toward availability, and as what kind: exactly the rules of
 * the conformance corpus (calendars/README.md). `me` holds the user's own addresses,
 * lower-case and without mailto:. Null means it does not count.
 */
export function occurrenceKind(props: BusyProps, me: ReadonlySet<string>): BusyKind | null {
  if (props.status === 'CANCELLED') return null;
  if (props.busyStatus === 'FREE') return null;
  if (props.busyStatus === undefined && props.transp === 'TRANSPARENT') return null;
  const mine = me.size > 0 ? props.attendees.find((a) => me.has(a.address)) : undefined;
  if (mine?.partstat === 'DECLINED') return null;
  if (props.busyStatus === 'OOF') return 'oof';
  if (
    props.busyStatus === 'TENTATIVE' ||
    props.status === 'TENTATIVE' ||
    mine?.partstat === 'TENTATIVE' ||
    mine?.partstat === 'NEEDS-ACTION'
  ) {
    return 'tentative';
  }
  return 'busy';
}
