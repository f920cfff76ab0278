/**
 * A heavy, realistic calendar: 4,700 single events over five years in three zones, and 300
 * weekly series each with an EXDATE and one moved instance. About 5,000 VEVENTs, 1 MB.
 */
export function heavyCalendar(): string {
  const zones = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo'];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ricochet bench//EN'];
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const start = Date.UTC(2022, 0, 3);
  for (let i = 0; i < 4700; i++) {
    const day = new Date(start + Math.floor((i * 5 * 365) / 4700) * 86_400_000 + ((i * 7) % 9) * 3_600_000);
    const end = new Date(day.getTime() + (30 + (i % 4) * 30) * 60_000);
    const tz = zones[i % 3]!;
    lines.push(
      'BEGIN:VEVENT',
      `UID:single-${i}@bench`,
      `DTSTAMP:20260101T000000Z`,
      `DTSTART;TZID=${tz}:${stamp(day)}`,
      `DTEND;TZID=${tz}:${stamp(end)}`,
      `SUMMARY:Meeting ${i}`,
      ...(i % 4 === 0 ? ['LOCATION:Room 4.02'] : []),
      `ATTENDEE;PARTSTAT=ACCEPTED;CN=Ana:mailto:ana@example.com`,
      'END:VEVENT',
    );
  }
  for (let i = 0; i < 300; i++) {
    const first = new Date(start + (i % 200) * 86_400_000 + (8 + (i % 8)) * 3_600_000);
    const tz = zones[i % 3]!;
    const end = new Date(first.getTime() + 30 * 60_000);
    const skipped = new Date(first.getTime() + 7 * 86_400_000 * (10 + (i % 50)));
    const moved = new Date(first.getTime() + 7 * 86_400_000 * (20 + (i % 200)));
    lines.push(
      'BEGIN:VEVENT',
      `UID:series-${i}@bench`,
      `DTSTAMP:20260101T000000Z`,
      `DTSTART;TZID=${tz}:${stamp(first)}`,
      `DTEND;TZID=${tz}:${stamp(end)}`,
      'RRULE:FREQ=WEEKLY;INTERVAL=1',
      `EXDATE;TZID=${tz}:${stamp(skipped)}`,
      `SUMMARY:Weekly ${i}`,
      'END:VEVENT',
      'BEGIN:VEVENT',
      `UID:series-${i}@bench`,
      `DTSTAMP:20260101T000000Z`,
      `RECURRENCE-ID;TZID=${tz}:${stamp(moved)}`,
      `DTSTART;TZID=${tz}:${stamp(new Date(moved.getTime() + 2 * 3_600_000))}`,
      `DTEND;TZID=${tz}:${stamp(new Date(moved.getTime() + 3 * 3_600_000))}`,
      `SUMMARY:Weekly ${i} (moved)`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}
