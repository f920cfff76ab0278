import type { BusyKind } from '../../shared/availability/segments';
import type { Place } from '../../shared/availability/places';
import type { BusyProps } from './event-record';

/**
 * Whether an occurrence counts toward availability, and as what kind: exactly the rules of
 * the conformance corpus (calendars/README.md). `me` holds the user's own addresses,
 * lower-case and without mailto:. Null means it does not count.
 */
export function occurrenceKind(props: BusyProps, me: ReadonlySet<string>): BusyKind | null {
  if (props.status === 'CANCELLED') return null;
  if (props.busyStatus === 'FREE') return null;
  // Working elsewhere says where, not that I am busy: shown as my place, never as busy time.
  if (props.busyStatus === 'WORKINGELSEWHERE') return null;
  if (props.busyStatus === undefined && props.transp === 'TRANSPARENT') return null;
  const mine = me.size > 0 ? props.attendees.find((a) => me.has(normalizeAddress(a.address))) : undefined;
  const partstat = (props.myPartstat ?? mine?.partstat)?.toUpperCase();
  if (partstat === 'DECLINED') return null;
  if (props.busyStatus === 'OOF') return 'oof';
  if (props.busyStatus === 'FOCUS') return 'focus';
  if (
    props.busyStatus === 'TENTATIVE' ||
    props.status === 'TENTATIVE' ||
    partstat === 'TENTATIVE' ||
    partstat === 'NEEDS-ACTION'
  ) {
    return 'tentative';
  }
  return 'busy';
}

/** Where an occurrence says I work, unless it was cancelled or I declined it. */
export function occurrencePlace(record: { props: BusyProps; place?: Place }, me: ReadonlySet<string>) {
  if (!record.place || record.props.status === 'CANCELLED') return undefined;
  const mine =
    me.size > 0 ? record.props.attendees.find((a) => me.has(normalizeAddress(a.address))) : undefined;
  return (record.props.myPartstat ?? mine?.partstat)?.toUpperCase() === 'DECLINED' ? undefined : record.place;
}

/** An address as compared with the user's own: no mailto:, lower case. */
export function normalizeAddress(address: string): string {
  return address.replace(/^mailto:/i, '').toLowerCase();
}
