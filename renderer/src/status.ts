import { statusLabelParts, statusReasons, type Locale } from '../../shared/i18n/status-messages';
import { personFromView, viewStatus } from '../../shared/status/member-view-status';
import { statusChain } from '../../shared/status/status-engine';
import type { Status } from '../../shared/status/status-engine';
import type { MemberView } from '../../shared/views';

/**
 * A member's state computed here, at the renderer's clock, with the same pure engine as
 * the core: an expiring status or a meeting ending updates on screen without a round trip.
 */
export function liveStatus(
  m: MemberView,
  now: number,
  locale: Locale,
  viewerTz: string,
): Status & { label: string; headline: string } {
  const status = viewStatus(m, now);
  const parts = statusLabelParts(status, now, locale, viewerTz);
  // The headline (the state and its time) is what a one-line row shows, never cut.
  return { ...status, label: parts.join(' · '), headline: parts[0]! };
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** Why a member is shown as they are, each reason in order (for an opened row). */
export function whyStatus(m: MemberView, now: number, locale: Locale, viewerTz: string): string {
  return statusReasons(statusChain(personFromView(m), now), m.name, now, locale, viewerTz);
}
