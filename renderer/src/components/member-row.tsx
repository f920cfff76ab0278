import type { Status } from '../../../shared/status/status-engine';
import { dateFormat, formatAge, formatMoment } from '../../../shared/i18n/status-messages';
import { timeOfDay } from '../../../shared/i18n/locale';
import { placeNow } from '../../../shared/i18n/place-messages';
import { whatTheyAreOn } from '../../../shared/status/what-they-are-on';
import { isKnownZone, utcToWall } from '../../../shared/time/zoned-time';
import type { MemberView } from '../../../shared/views';
import { useLocale, useT } from '../i18n/i18n';
import { useState } from 'react';
import { Avatar } from './avatar';
import { PersonName } from './person-name';
import { StatusGlyph, statusWords } from './status-glyph';
import { QuickPostInput } from './quick-post-input';
import { LoadBar, StateMark } from './state-mark';
import type { RowProps } from './virtual-list';
import { whyStatus } from '../status';

/** "Camille Martin" → "Camille M.": the popover's narrow column keeps room for the state. */
/** Their local time, only when their clock differs from mine. */
export function localTimeIfDifferent(m: MemberView, now: number, viewerTz: string, locale: 'en' | 'fr') {
  if (!m.timezone || !isKnownZone(m.timezone)) return null;
  if (utcToWall(m.timezone, now) === utcToWall(viewerTz, now)) return null;
  return dateFormat(locale, m.timezone, timeOfDay()).format(now);
}

/**
 * One person in one line: avatar with their state, name, state with its until-time, and
 * their local time when it differs. Opening the row shows the rest (status, what they are
 * on, load, actions), so actions are not repeated on every line.
 */
export function MemberRow({
  member: m,
  live,
  now,
  viewerTz,
  open,
  onToggle,
  watching,
  onWatch,
  onProfile,
  row,
}: {
  /** Where the virtual list places this row. */
  row?: RowProps;
  member: MemberView;
  live: Status & { label: string; headline: string };
  now: number;
  viewerTz: string;
  open: boolean;
  onToggle: () => void;
  watching: boolean;
  onWatch: () => void;
  onProfile: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [asking, setAsking] = useState(false);
  const local = localTimeIfDifferent(m, now, viewerTz, locale);
  const status = statusWords(live.emoji, live.text);
  // What they are on: the newer of their status text and their latest post (with its age).
  const said = whatTheyAreOn({ status, statusAt: m.status?.updatedAt, latestPost: m.latestPost });
  const on =
    said &&
    (said.from === 'post' && said.at !== null
      ? `${said.text} · ${formatAge(said.at, now, locale)}`
      : said.text);
  const place = placeNow(m.places, now, locale);
  const details = `member-details-${m.id}`;
  return (
    <li
      {...row}
      className={`member state-${live.state}${open ? ' open' : ''}`}
      data-testid={`member-${m.name}`}
    >
      <button
        type="button"
        className="member-line"
        aria-expanded={open}
        aria-controls={details}
        onClick={onToggle}
        title={[m.name, live.label, place, status, m.latestPost?.text].filter(Boolean).join(' — ')}
      >
        <Avatar name={m.name} state={live.state} />
        <span className="member-name">
          <PersonName name={m.name} />
          {m.isMe && <span className="tag">{t('board.you')}</span>}
          {m.starred && (
            <span className="tag" title={t('board.starHint')}>
              ★ {t('board.starred')}
            </span>
          )}
        </span>
        <span className="member-label" data-testid="state-label">
          {live.headline}
          {m.staleSince ? ' ⚠' : ''}
        </span>
        {/* Shown where the row has room (the full-size board); on hover and when opened elsewhere. */}
        <span className="member-on" data-testid="member-on">
          {place}
          {place && on ? ' · ' : ''}
          {said?.from === 'status' && <StatusGlyph emoji={live.emoji} />}
          {on}
        </span>
        {local && <span className="member-local">{t('board.theirTime', { time: local })}</span>}
      </button>
      {open && (
        <div className="member-details" id={details}>
          <p className="member-state">
            <StateMark state={live.state} /> {live.label}
          </p>
          <p className="hint member-why" data-testid="member-why">
            {t('why.title')}: {whyStatus(m, now, locale, viewerTz)}
          </p>
          {place && (
            <p className="member-place" data-testid="member-place">
              {place}
            </p>
          )}
          {status && (
            <p className="member-status" data-testid="status-text">
              <StatusGlyph emoji={live.emoji} /> {status}
            </p>
          )}
          {m.latestPost && <p className="member-post">{m.latestPost.text}</p>}
          {m.staleSince && (
            <p className="hint" data-testid="member-stale">
              {t('board.stale', { time: formatMoment(Date.parse(m.staleSince), now, locale, viewerTz) })}
            </p>
          )}
          {m.problems.length > 0 && (
            <p className="hint" data-testid="member-problem">
              {t('board.problem', { problems: m.problems.join(' · ') })}
            </p>
          )}
          <div className="member-meters">
            <LoadBar label={t('board.loadToday')} value={m.loadToday} />
            <LoadBar label={t('board.loadWeek')} value={m.loadWeek} />
          </div>
          {local && m.timezone && (
            <p className="hint">{t('board.localTimeZone', { time: local, zone: m.timezone })}</p>
          )}
          {asking && (
            <QuickPostInput
              initial={`/ask @${m.name.split(/\s+/)[0]} `}
              autoFocus
              onDone={() => setAsking(false)}
            />
          )}
          <div className="member-actions">
            {!m.isMe && !asking && (
              <button type="button" onClick={() => setAsking(true)}>
                {t('asks.askWhenFree')}
              </button>
            )}
            {!m.isMe && live.state !== 'free' && live.state !== 'unknown' && (
              <button type="button" onClick={onWatch} disabled={watching}>
                {watching ? t('board.notifying') : t('board.notify')}
              </button>
            )}
            <button type="button" onClick={onProfile}>
              {t('board.profile')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
