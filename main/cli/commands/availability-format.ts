import type { AvailabilityReport } from '../../calendar/availability-engine';
import { isoInstant } from '../../../shared/time/zoned-time';

const iso = (ms: number | null) => (ms === null ? null : isoInstant(ms));

/** The JSON shape of `ricochet availability --json` (instants as UTC strings). */
export function reportJson(report: AvailabilityReport) {
  const { summary: s, stats } = report;
  return {
    window: { from: isoInstant(report.window.from), to: isoInstant(report.window.to) },
    tz: report.tz,
    busy: report.busy.map((b) => ({ start: isoInstant(b.start), end: isoInstant(b.end), kind: b.kind })),
    summary: {
      now: isoInstant(s.now),
      state: s.state,
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
export function formatReport(report: AvailabilityReport): string {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: report.tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: report.tz, hour: '2-digit', minute: '2-digit' });
  const s = report.summary;
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    `Availability in ${report.tz}, ${when.format(report.window.from)} → ${when.format(report.window.to)}`,
  ];
  const state =
    s.state === 'free'
      ? s.freeUntil === null
        ? 'free'
        : `free until ${when.format(s.freeUntil)}`
      : `${s.state === 'busy' ? 'busy' : s.state === 'oof' ? 'out of office' : 'maybe busy'} until ${when.format(s.busyUntil!)}`;
  lines.push(`Now (${when.format(s.now)}): ${state}`);
  lines.push(
    `Next free slot: ${s.nextFree ? `${when.format(s.nextFree.from)}–${time.format(s.nextFree.to)}` : 'none in working hours'}`,
  );
  lines.push(`Load: today ${percent(s.loadToday)}, this week ${percent(s.loadWeek)}`);
  lines.push(`Busy (${report.busy.length}):`);
  for (const b of report.busy.slice(0, 50))
    lines.push(`  ${when.format(b.start)} – ${when.format(b.end)}  ${b.kind}`);
  if (report.busy.length > 50) lines.push(`  … and ${report.busy.length - 50} more (--json lists all)`);
  if (report.warnings.length > 0) {
    lines.push('Warnings:');
    for (const w of report.warnings) lines.push(`  ${w.source}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
