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
  const mine = me.size > 0 ? props.attendees.find((a) => me.has(normalizeAddress(a.address))) : undefined;
  const partstat = mine?.partstat.toUpperCase();
  if (partstat === 'DECLINED') return null;
  if (props.busyStatus === 'OOF') return 'oof';
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

/** An address as compared with the user's own: no mailto:, lower case. */
export function normalizeAddress(address: string): string {
  return address.replace(/^mailto:/i, '').toLowerCase();
}
