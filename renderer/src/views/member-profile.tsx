import { useEffect, useRef } from 'react';
import type { MemberView } from '../../../shared/views';
import { LoadBar } from '../components/state-mark';
import { formatMoment } from '../../../shared/i18n/status-messages';
import { placeNow } from '../../../shared/i18n/place-messages';
import { useLocale, useT } from '../i18n/i18n';
import { Avatar } from '../components/avatar';
import { StateMark } from '../components/state-mark';
import { liveStatus } from '../status';
import { getApi } from '../api';

/** A member's short professional profile: role, skills, topics from posts, their load. */
export function MemberProfile({
  member,
  now,
  viewerTz,
  onClose,
}: {
  member: MemberView;
  now: number;
  viewerTz: string;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const live = liveStatus(member, now, locale, viewerTz);
  const place = placeNow(member.places, now, locale);
  // Shared titles of the rest of today and tomorrow: what they are in, where they chose to say.
  const today = member.titles.filter((x) => {
    const at = Date.parse(x.start);
    return at >= now - 3_600_000 && at < now + 36 * 3_600_000;
  });
  return (
    <dialog ref={dialog} className="profile" aria-labelledby="profile-name" onClose={onClose}>
      <header className="profile-head">
        <Avatar name={member.name} state={live.state} size="large" />
        <div>
          <h2 id="profile-name">{member.name}</h2>
          <p className="profile-role">
            {member.jobTitle || t('profile.noRole')}
            {member.starred && ` · ★ ${t('board.starred')}`}
          </p>
        </div>
      </header>
      <p className="member-state">
        <StateMark state={live.state} /> {live.label}
      </p>
      {place && (
        <p className="member-place" data-testid="profile-place">
          {place}
        </p>
      )}
      <h3>{t('profile.skills')}</h3>
      <p className="chips">
        {member.skills.length
          ? member.skills.map((x) => (
              <span key={x} className="chip">
                {x}
              </span>
            ))
          : '—'}
      </p>
      <h3>{t('profile.topics')}</h3>
      <p className="chips">
        {member.topics.length
          ? member.topics.map((x) => (
              <span key={x} className="chip">
                #{x}
              </span>
            ))
          : '—'}
      </p>
      {today.length > 0 && (
        <>
          <h3>{t('profile.today')}</h3>
          <ul className="profile-today">
            {today.map((x) => (
              <li key={x.start}>
                {formatMoment(Date.parse(x.start), now, locale, viewerTz)} {x.title}
              </li>
            ))}
          </ul>
        </>
      )}
      {member.problems.length > 0 && <p className="hint">{member.problems.join(' · ')}</p>}
      <LoadBar label={t('profile.week')} value={member.loadWeek} />
      <form method="dialog">
        {member.starred && (
          // Starred from elsewhere in the organisation: unstarred, they leave my board.
          <button type="submit" onClick={() => void getApi()?.starSet({ memberId: member.id, on: false })}>
            {t('board.unstar')}
          </button>
        )}{' '}
        <button autoFocus>{t('profile.close')}</button>
      </form>
    </dialog>
  );
}
