import { useState } from 'react';
import { getApi } from '../api';
import { QuickPostInput } from '../components/quick-post-input';
import { formatMoment } from '../../../shared/i18n/status-messages';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { FieldError } from '../components/placeholders';
import { useCore } from '../use-core';

/** Posts newest first; a #tag or @mention is a filter; my own posts can be deleted. */
export function FeedView() {
  const t = useT();
  const locale = useLocale();
  const [filter, setFilter] = useState<{ tag?: string; mention?: string }>({});
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const { data, error: readError } = useCore(
    (api) => api.feedGet({ ...filter, limit: 100 }),
    [filter.tag, filter.mention],
  );
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
        <button key={i} type="button" className="link" onClick={() => setFilter({ mention: part.slice(1) })}>
          {part}
        </button>
      ) : (
        part
      ),
    );
  const active = filter.tag ? `#${filter.tag}` : filter.mention ? `@${filter.mention}` : null;
  return (
    <section aria-labelledby="feed-title">
      <FieldError id="read-error" message={readError} />
      <h2 id="feed-title">{t('feed.title')}</h2>
      <QuickPostInput />
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
              <p>{render(p.text)}</p>
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
