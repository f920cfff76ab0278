import { useState } from 'react';
import { getApi } from '../api';
import { formatSpan } from '../../../shared/i18n/status-messages';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { FieldError } from '../components/placeholders';
import { useCore } from '../use-core';

/** Pick teammates and a length: the next common free slots within everyone's hours. */
export function FindTimeView() {
  const t = useT();
  const locale = useLocale();
  const { data, error: readError } = useCore('board', (api) => api.boardGet({}));
  const [picked, setPicked] = useState<string[]>([]);
  const [minutes, setMinutes] = useState(30);
  const [slots, setSlots] = useState<{ start: string; end: string }[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [unshared, setUnshared] = useState<string[]>([]);
  const zone = useZone();
  const search = async () => {
    if (picked.length === 0) return setMessage(t('find.pick'));
    setMessage(null);
    const result = await getApi()?.findtimeGet({ memberIds: picked, minutes });
    setSlots(result?.slots ?? []);
    setUnshared(result?.unshared.map((u) => u.name) ?? []);
  };
  return (
    <section aria-labelledby="find-title">
      <FieldError id="read-error" message={readError} />
      <h2 id="find-title">{t('find.title')}</h2>
      <fieldset>
        <legend>{t('find.who')}</legend>
        {data?.members.map((m) => (
          <label key={m.id} className="check">
            <input
              type="checkbox"
              checked={picked.includes(m.id)}
              onChange={(e) =>
                setPicked(e.target.checked ? [...picked, m.id] : picked.filter((id) => id !== m.id))
              }
            />{' '}
            {m.name}
          </label>
        ))}
      </fieldset>
      <label>
        {t('find.duration')}{' '}
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[15, 30, 45, 60, 90, 120].map((n) => (
            <option key={n} value={n}>
              {t('find.minutes', { n })}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void search()}>
        {t('find.search')}
      </button>
      {message && <p role="alert">{message}</p>}
      {slots && (
        <>
          <h3>{t('find.results')}</h3>
          {unshared.length > 0 && (
            <p className="hint" data-testid="unshared">
              {t('find.unshared', { names: unshared.join(', ') })}
            </p>
          )}
          {slots.length === 0 ? (
            <p>{t('find.none')}</p>
          ) : (
            <ul className="slots" data-testid="slots">
              {slots.map((s) => (
                <li key={s.start}>
                  <time dateTime={s.start}>
                    {formatSpan(Date.parse(s.start), Date.parse(s.end), Date.now(), locale, zone)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
