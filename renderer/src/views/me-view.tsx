import { useState } from 'react';
import { getApi } from '../api';
import { LoadBar, StateMark } from '../components/state-mark';
import { formatSpan } from '../../../shared/i18n/status-messages';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { FieldError, Skeleton } from '../components/placeholders';
import { useCore } from '../use-core';
import { AsksInbox } from './asks-inbox';

/** My day and week: load, next free slot, meetings, status presets, the standup digest. */
export function MeView() {
  const t = useT();
  const locale = useLocale();
  const { data, error: readError } = useCore('me', (api) => api.meGet({}));
  const [period, setPeriod] = useState<'day' | 'week'>('day');
  const [copied, setCopied] = useState(false);
  const zone = useZone();
  if (!data)
    return readError ? (
      <FieldError id="me-error" message={readError} />
    ) : (
      <Skeleton label={t('me.title')} rows={5} />
    );
  const preset = (text: string) => void getApi()?.postCreate({ text });
  const digest = data.digest[period];
  return (
    <section aria-labelledby="me-title">
      <h2 id="me-title">{t('me.title')}</h2>
      <p className="me-state">
        <StateMark state={data.state} /> <span data-testid="my-state">{data.label}</span>
      </p>
      {data.state !== 'free' && data.state !== 'unknown' && (
        <p className="hint" data-testid="my-why">
          {t('why.title')}: {data.why}
        </p>
      )}
      {data.calendars === 0 && <p className="hint">{t('me.noCalendar')}</p>}
      <dl className="me-stats">
        <dt>{t('me.loadToday')}</dt>
        <dd data-testid="load-today">
          <LoadBar label={t('me.loadToday')} value={data.loadToday} showLabel={false} />
        </dd>
        <dt>{t('me.loadWeek')}</dt>
        <dd data-testid="load-week">
          <LoadBar label={t('me.loadWeek')} value={data.loadWeek} showLabel={false} />
        </dd>
        <dt>{t('me.nextFree')}</dt>
        <dd data-testid="next-free">
          {data.nextFree
            ? formatSpan(
                Date.parse(data.nextFree.start),
                Date.parse(data.nextFree.end),
                Date.now(),
                locale,
                zone,
              )
            : t('me.noFree')}
        </dd>
        <dt>{t('me.meetings')}</dt>
        <dd data-testid="meetings-today">{data.meetingsToday}</dd>
      </dl>
      {/* My day first, at the top of the popover; the asks waiting for me just under it. */}
      <AsksInbox />
      <h3>{t('me.presets')}</h3>
      <div className="presets">
        <button type="button" onClick={() => preset('/focus 1h')}>
          {t('me.preset.focus')}
        </button>
        <button type="button" onClick={() => preset('/away 30m')}>
          {t('me.preset.away')}
        </button>
        <button type="button" onClick={() => preset('/dnd until tomorrow')}>
          {t('me.preset.dnd')}
        </button>
        <button type="button" onClick={() => preset('/clear')}>
          {t('me.preset.clear')}
        </button>
      </div>
      <h3>{t('me.digest')}</h3>
      <div role="tablist" aria-label={t('me.digest')}>
        {(['day', 'week'] as const).map((p) => (
          <button key={p} type="button" role="tab" aria-selected={period === p} onClick={() => setPeriod(p)}>
            {t(p === 'day' ? 'me.day' : 'me.week')}
          </button>
        ))}
      </div>
      <pre className="digest" data-testid="digest">
        {digest.text}
      </pre>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(digest.markdown).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          })
        }
      >
        {copied ? t('me.copied') : t('me.copy')}
      </button>
    </section>
  );
}
