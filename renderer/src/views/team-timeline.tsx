import { PersonName } from '../components/person-name';
import type { MemberView } from '../../../shared/views';
import { wallDayStart, workingSpans } from '../../../shared/availability/working-hours';
import { wallToUtc } from '../../../shared/time/zoned-time';
import { formatSpan } from '../../../shared/i18n/status-messages';
import { personFromView } from '../../../shared/status/member-view-status';
import { VirtualList } from '../components/virtual-list';
import { useLocale, useT } from '../i18n/i18n';

/** The titles a member chose to share, of what starts within a busy block. */
export function sharedTitles(m: MemberView, from: number, to: number): string[] {
  return m.titles
    .filter((x) => {
      const at = Date.parse(x.start);
      return at >= from && at < to;
    })
    .map((x) => x.title);
}

/** Everyone's busy blocks across the viewer's day, working hours shaded. */
export function TeamTimeline({
  members,
  now,
  viewerTz,
}: {
  members: MemberView[];
  now: number;
  viewerTz: string;
}) {
  const t = useT();
  const locale = useLocale();
  const dayStart = wallToUtc(viewerTz, wallDayStart(viewerTz, now));
  const dayEnd = wallToUtc(viewerTz, wallDayStart(viewerTz, now) + 86_400_000);
  const pos = (ms: number) =>
    `${((Math.min(Math.max(ms, dayStart), dayEnd) - dayStart) / (dayEnd - dayStart)) * 100}%`;
  const width = (a: number, b: number) =>
    `${((Math.min(b, dayEnd) - Math.max(a, dayStart)) / (dayEnd - dayStart)) * 100}%`;
  return (
    <section className="timeline" aria-label={t('board.timeline')}>
      <h3>{t('board.timeline')}</h3>
      <div className="timeline-row" aria-hidden="true">
        <span />
        <span className="timeline-axis">
          {[0, 3, 6, 9, 12, 15, 18, 21].map((h) => (
            <span key={h} style={{ left: `${(h / 24) * 100}%` }}>
              {String(h).padStart(2, '0')}
            </span>
          ))}
        </span>
      </div>
      <VirtualList
        items={members}
        rowHeight={20}
        fixed
        keyOf={(m) => m.id}
        label={t('board.timeline')}
        className="timeline-scroll"
        as="div"
      >
        {(m, row) => {
          // The same safe reading as the status: a bad zone or segment spoils only this row.
          const person = personFromView(m);
          const hours =
            person.hours && person.timezone
              ? workingSpans(
                  person.hours,
                  person.timezone,
                  wallDayStart(person.timezone, dayStart) - 86_400_000,
                  3,
                ).filter((s) => s.to > dayStart && s.from < dayEnd)
              : [];
          const busy = person.busy.filter((b) => b.end > dayStart && b.start < dayEnd);
          return (
            <div className="timeline-row" key={m.id} {...row}>
              <span className="timeline-name">
                <PersonName name={m.name} />
              </span>
              <span className="timeline-track">
                {hours.map((h) => (
                  <span
                    key={h.from}
                    className="timeline-hours"
                    style={{ left: pos(h.from), width: width(h.from, h.to) }}
                  />
                ))}
                {busy.map((b) => (
                  <span
                    key={b.start}
                    className={`timeline-busy kind-${b.kind}`}
                    style={{ left: pos(b.start), width: width(b.start, b.end) }}
                    title={[
                      formatSpan(b.start, b.end, now, locale, viewerTz),
                      ...sharedTitles(m, b.start, b.end),
                    ].join(' · ')}
                  />
                ))}
                <span className="timeline-now" style={{ left: pos(now) }} />
              </span>
            </div>
          );
        }}
      </VirtualList>
      <p className="timeline-legend">
        <span>
          <i style={{ background: 'var(--busy)' }} />
          {t('timeline.legend.busy')}
        </span>
        <span>
          <i style={{ background: 'var(--focus)' }} />
          {t('timeline.legend.focus')}
        </span>
        <span>
          <i style={{ background: 'var(--tentative)' }} />
          {t('timeline.legend.tentative')}
        </span>
        <span>
          <i style={{ background: 'var(--oof)' }} />
          {t('timeline.legend.oof')}
        </span>
        <span>
          <i style={{ background: 'color-mix(in srgb, var(--accent) 25%, transparent)' }} />
          {t('timeline.legend.hours')}
        </span>
        <span>
          <i style={{ background: 'var(--text)', width: '2px' }} />
          {t('timeline.legend.now')}
        </span>
      </p>
    </section>
  );
}
