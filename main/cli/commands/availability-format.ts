import type { WorkingHours } from '../../../shared/availability/working-hours';
import { dateFormat, formatSpan, formatWhen, statusLabel } from '../../../shared/i18n/status-messages';
import { computeStatus } from '../../../shared/status/status-engine';
import { placeAt } from '../../../shared/availability/places';
import { placeText } from '../../../shared/i18n/place-messages';
import { isoInstant } from '../../../shared/time/zoned-time';
import type { AvailabilityReport } from '../../core/index';

/** My state now from these calendars and hours: the status engine the board and tray use. */
function myStatus(report: AvailabilityReport, hours: WorkingHours) {
  return computeStatus({ busy: report.busy, hours, timezone: report.tz }, report.summary.now);
}

const iso = (ms: number | null) => (ms === null ? null : isoInstant(ms));

/** The JSON shape of `ricochet availability --json` (instants as UTC strings). */
export function reportJson(report: AvailabilityReport, hours: WorkingHours) {
  const { summary: s, stats } = report;
  const status = myStatus(report, hours);
  return {
    window: { from: isoInstant(report.window.from), to: isoInstant(report.window.to) },
    tz: report.tz,
    busy: report.busy.map((b) => ({ start: isoInstant(b.start), end: isoInstant(b.end), kind: b.kind })),
    places: report.places.map(({ start, end, ...place }) => ({
      start: isoInstant(start),
      end: isoInstant(end),
      ...place,
    })),
    summary: {
      now: isoInstant(s.now),
      state: s.state,
      status: status.state,
      label: statusLabel(status, s.now, 'en', report.tz),
      meetings: report.meetings.length,
      busyUntil: iso(s.busyUntil),
      freeUntil: iso(s.freeUntil),
      nextFree: s.nextFree && { start: isoInstant(s.nextFree.from), end: isoInstant(s.nextFree.to) },
      loadToday: s.loadToday,
      loadWeek: s.loadWeek,
    },
    warnings: report.warnings,
    stats: { ...stats, parseMs: round(stats.parseMs), computeMs: round(stats.computeMs) },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A readable summary in the person's zone. */
export function formatReport(report: AvailabilityReport, hours: WorkingHours): string {
  const tz = report.tz;
  const s = report.summary;
  const at = (ms: number) => formatWhen(ms, s.now, 'en', tz);
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    `Availability in ${tz}, ${formatSpan(report.window.from, report.window.to, s.now, 'en', tz)}`,
  ];
  const today = dateFormat('en', tz, { weekday: 'short', day: 'numeric', month: 'short' }).format(s.now);
  lines.push(`Now (${today}, ${at(s.now)}): ${statusLabel(myStatus(report, hours), s.now, 'en', tz)}`);
  lines.push(
    `Next free slot: ${s.nextFree ? formatSpan(s.nextFree.from, s.nextFree.to, s.now, 'en', tz) : 'none in working hours'}`,
  );
  lines.push(`Load: today ${percent(s.loadToday)}, this week ${percent(s.loadWeek)}`);
  const place = placeAt(report.places, s.now);
  if (place) lines.push(`Where: ${placeText(place, 'en')}`);
  lines.push(`Busy (${report.busy.length}):`);
  for (const b of report.busy.slice(0, 50))
    lines.push(`  ${formatSpan(b.start, b.end, s.now, 'en', tz)}  ${b.kind}`);
  if (report.busy.length > 50) lines.push(`  … and ${report.busy.length - 50} more (--json lists all)`);
  if (report.warnings.length > 0) {
    lines.push('Warnings:');
    for (const w of report.warnings) lines.push(`  ${w.source}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
