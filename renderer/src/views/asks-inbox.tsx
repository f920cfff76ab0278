import { useEffect, useState } from 'react';
import { formatMoment } from '../../../shared/i18n/status-messages';
import { getApi } from '../api';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { useCore } from '../use-core';

/**
 * My asks: the ones for me (answer, snooze an hour, dismiss; opening marks them seen), and
 * the ones I made with when they arrive and what came back.
 */
export function AsksInbox() {
  const t = useT();
  const locale = useLocale();
  const zone = useZone();
  const { data } = useCore('asks', (api) => api.asksGet({}));
  const [answering, setAnswering] = useState<string | null>(null);
  const api = getApi()!;
  // Shown here: seen (the asker sees it was).
  useEffect(() => {
    for (const a of data?.toMe ?? [])
      if (a.state === 'delivered' && !a.seenAt) void api.asksUpdate({ id: a.id, action: 'seen' });
  }, [data, api]);
  if (!data || (data.toMe.length === 0 && data.fromMe.length === 0)) return null;
  const when = (iso: string | null) => (iso ? formatMoment(Date.parse(iso), Date.now(), locale, zone) : '');
  return (
    <section className="asks" aria-labelledby="asks-title">
      <h3 id="asks-title">{t('asks.title')}</h3>
      {data.toMe.length > 0 && <h4>{t('asks.toMe')}</h4>}
      <ul className="asks-list" data-testid="asks-to-me">
        {data.toMe.map((a) => (
          <li key={a.id} className={`ask ask-${a.state}`}>
            <p>
              <strong>{a.from.name}</strong> · {when(a.deliveredAt)} ·{' '}
              <span className="hint">{t(`asks.state.${a.state}`)}</span>
              {a.urgent && <strong className="urgent"> · {t('asks.urgent')}</strong>}
            </p>
            <p>{a.text}</p>
            {a.answer && <p className="hint">→ {a.answer}</p>}
            {a.state === 'delivered' &&
              (answering === a.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const text = String(new FormData(e.currentTarget).get('answer') ?? '');
                    void api.asksUpdate({ id: a.id, action: 'answer', text }).then(() => setAnswering(null));
                  }}
                >
                  <label>
                    {t('asks.answerLabel')} <input name="answer" required autoFocus maxLength={500} />
                  </label>
                  <button type="submit">{t('asks.answer')}</button>
                </form>
              ) : (
                <p className="ask-actions">
                  <button type="button" onClick={() => setAnswering(a.id)}>
                    {t('asks.answer')}
                  </button>
                  <button
                    type="button"
                    onClick={() => void api.asksUpdate({ id: a.id, action: 'snooze', minutes: 60 })}
                  >
                    {t('asks.snooze')}
                  </button>
                  <button type="button" onClick={() => void api.asksUpdate({ id: a.id, action: 'dismiss' })}>
                    {t('asks.dismiss')}
                  </button>
                </p>
              ))}
          </li>
        ))}
      </ul>
      {data.fromMe.length > 0 && <h4>{t('asks.fromMe')}</h4>}
      <ul className="asks-list" data-testid="asks-from-me">
        {data.fromMe.map((a) => (
          <li key={a.id} className={`ask ask-${a.state}`}>
            <p>
              → <strong>{a.to.name}</strong> ·{' '}
              <span className="hint">
                {a.state === 'pending' ? a.arrival : t(`asks.state.${a.state}`)}
                {a.seenAt && a.state === 'delivered' ? ` · ${t('asks.seen')}` : ''}
              </span>
            </p>
            <p>{a.text}</p>
            {a.answer && <p className="ask-answer">→ {a.answer}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
