import { useState } from 'react';
import { getApi } from '../api';
import { QuickPostInput } from '../components/quick-post-input';
import { formatMoment } from '../../../shared/i18n/status-messages';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { FieldError } from '../components/placeholders';
import { useCore } from '../use-core';
import { resolveMention } from '../../../shared/people/find-person';
import type { MemberView } from '../../../shared/views';
import { PersonContext } from '../components/person-context';

/** An @mention in a post: a filter on click, and the person's day on hover or focus. */
function MentionWithContext({
  handle,
  members,
  open,
  onOpen,
  onFilter,
  now,
}: {
  handle: string;
  members: MemberView[];
  open: boolean;
  onOpen: (open: boolean) => void;
  onFilter: () => void;
  now: number;
}) {
  const found = resolveMention(handle, members);
  const member = 'error' in found ? null : found;
  return (
    <span className="mention-card" onMouseEnter={() => onOpen(true)} onMouseLeave={() => onOpen(false)}>
      <button
        type="button"
        className="link"
        onClick={onFilter}
        onFocus={() => onOpen(true)}
        onBlur={() => onOpen(false)}
      >
        @{handle}
      </button>
      {open && member && <PersonContext member={member} now={now} />}
    </span>
  );
}

/** Posts newest first; a #tag or @mention is a filter; my own posts can be deleted. */
export function FeedView() {
  const t = useT();
  const locale = useLocale();
  const [filter, setFilter] = useState<{ tag?: string; mention?: string; decisions?: boolean }>({});
  const [hovered, setHovered] = useState<string | null>(null);
  // Which of my teams the feed shows ('' all): a filter of this view, kept beside the others.
  const [team, setTeam] = useState('');
  const board = useCore('board', (api) => api.boardGet({})).data;
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const request = { ...filter, ...(team ? { team } : {}), limit: 100 };
  const { data, error: readError } = useCore(['feed', request], (api) => api.feedGet(request));
  const zone = useZone();
  const now = Date.now();
  const render = (text: string) =>
    text.split(/([#@][\p{L}\p{N}_.-]+)/u).map((part, i) =>
      /^#/.test(part) ? (
        <button
          key={i}
          type="button"
          className="link"
          onClick={() => setFilter({ tag: part.slice(1).toLowerCase() })}
        >
          {part}
        </button>
      ) : /^@/.test(part) ? (
        <MentionWithContext
          key={i}
          handle={part.slice(1)}
          members={board?.members ?? []}
          open={hovered === `${i}:${part}`}
          onOpen={(open) => setHovered(open ? `${i}:${part}` : null)}
          onFilter={() => setFilter({ mention: part.slice(1) })}
          now={now}
        />
      ) : (
        part
      ),
    );
  const active = filter.tag
    ? `#${filter.tag}`
    : filter.mention
      ? `@${filter.mention}`
      : filter.decisions
        ? t('feed.decisions')
        : null;
  return (
    <section aria-labelledby="feed-title">
      <FieldError id="read-error" message={readError} />
      <h2 id="feed-title">{t('feed.title')}</h2>
      <QuickPostInput />
      {board && board.teams.length > 1 && (
        <label className="team-switch">
          <span>{t('feed.team')}</span>{' '}
          <select aria-label={t('feed.team')} value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">{t('feed.team.all')}</option>
            {board.teams.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={!!filter.decisions}
          onChange={(e) => setFilter(e.target.checked ? { decisions: true } : {})}
        />{' '}
        {t('feed.decisions')}
      </label>
      {active && (
        <p className="filter">
          {t('feed.filter', { f: active })}{' '}
          <button type="button" onClick={() => setFilter({})}>
            {t('feed.clear')}
          </button>
        </p>
      )}
      {data && data.posts.length === 0 && <p>{t('feed.empty')}</p>}
      <ol className="feed">
        {data?.posts.map((p) => (
          <li key={p.id} className={p.pending ? 'pending' : undefined}>
            <div className="feed-meta">
              <strong>{p.author}</strong> ·{' '}
              <time dateTime={p.createdAt}>{formatMoment(Date.parse(p.createdAt), now, locale, zone)}</time>
              {p.pending && <span className="hint"> · {t('feed.pending')}</span>}
            </div>
            {editing?.id === p.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void getApi()
                    ?.postEdit({ id: p.id, text: editing.text })
                    .then(() => setEditing(null));
                }}
              >
                <input
                  aria-label={t('feed.edit')}
                  value={editing.text}
                  maxLength={500}
                  autoFocus
                  onChange={(e) => setEditing({ id: p.id, text: e.target.value })}
                  onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                />
                <button type="submit">{t('feed.save')}</button>
              </form>
            ) : (
              <p>
                {p.decision && <span className="decision-tag">{t('feed.decision')}</span>}
                {render(p.text)}
              </p>
            )}
            {p.mine && !p.pending && editing?.id !== p.id && (
              <>
                <button type="button" className="link" onClick={() => setEditing({ id: p.id, text: p.text })}>
                  {t('feed.edit')}
                </button>{' '}
                <button
                  type="button"
                  className="link danger"
                  onClick={() => void getApi()?.postDelete({ id: p.id })}
                >
                  {t('feed.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
