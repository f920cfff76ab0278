import { nextFreeSlot } from '../../../shared/availability/summary';
import { wallDayStart, workingSpans } from '../../../shared/availability/working-hours';
import { dateFormat, formatSpan } from '../../../shared/i18n/status-messages';
import { personFromView } from '../../../shared/status/member-view-status';
import type { MemberView } from '../../../shared/views';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { liveStatus } from '../status';
import { Avatar } from './avatar';

/**
 * What to know about someone before asking them or deciding something that involves them:
 * their state and until-time, next free slot, load this week, what they are on, and the
 * out-of-office days ahead. From what they published, with the engine the board uses.
 */
export function PersonContext({ member: m, now }: { member: MemberView; now: number }) {
  const t = useT();
  const locale = useLocale();
  const zone = useZone();
  const live = liveStatus(m, now, locale, zone);
  const person = personFromView(m);
  const tz = person.timezone ?? zone;
  const slot =
    person.hours && m.calendarShared
      ? nextFreeSlot(person.busy, workingSpans(person.hours, tz, wallDayStart(tz, now), 14), now, 30)
      : null;
  const oofDays = [
    ...new Set(
      person.busy
        .filter((s) => s.kind === 'oof' && s.end > now && s.start < now + 14 * 86_400_000)
        .map((s) =>
          dateFormat(locale, tz, { weekday: 'short', day: 'numeric', month: 'short' }).format(
            Math.max(s.start, now),
          ),
        ),
    ),
  ];
  return (
    <div className="person-context" data-testid="person-context">
      <p className="person-context-head">
        <Avatar name={m.name} state={live.state} /> <strong>{m.name}</strong>
        {m.jobTitle && <span className="hint"> · {m.jobTitle}</span>}
      </p>
      {m.watched === false ? <p className="hint">{t('context.unwatched')}</p> : <p>{live.label}</p>}
      {slot && (
        <p className="hint">
          {t('context.nextFree', { slot: formatSpan(slot.from, slot.to, now, locale, zone) })}
        </p>
      )}
      {m.loadWeek !== null && (
        <p className="hint">{t('context.loadWeek', { percent: Math.round(m.loadWeek * 100) })}</p>
      )}
      {m.latestPost && <p className="member-post">{m.latestPost.text}</p>}
      {m.topics.length > 0 && (
        <p className="hint">
          {m.topics
            .slice(0, 3)
            .map((x) => `#${x}`)
            .join(' ')}
        </p>
      )}
      {oofDays.length > 0 && <p className="context-oof">{t('context.oof', { days: oofDays.join(', ') })}</p>}
    </div>
  );
}
