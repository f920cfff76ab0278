import { useState } from 'react';
import { formatAge, formatMoment } from '../../../shared/i18n/status-messages';
import type { DeviceView } from '../../../shared/views';
import { getApi } from '../api';
import { FieldError } from '../components/placeholders';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { useCore } from '../use-core';

type Code = { code: string; expiresAt: string; server: string };

/**
 * My devices, in Settings: "Add a device" shows a one-time code for the other computer; each
 * device is listed (this one marked) and can be signed out from here.
 */
export function MyDevices() {
  const t = useT();
  const locale = useLocale();
  const zone = useZone();
  const { data, reload } = useCore('devices', (api) => api.devicesGet({}));
  const [code, setCode] = useState<Code | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = getApi()!;
  const run = (call: () => Promise<unknown>) => {
    setError(null);
    call().then(reload, (e: Error) => setError(e.message));
  };
  const nameOf = (d: DeviceView) => d.name ?? t('devices.unnamed');
  return (
    <section aria-labelledby="devices-title" className="devices">
      <h3 id="devices-title">{t('settings.devices')}</h3>
      <p className="hint">{t('devices.lead')}</p>
      <ul aria-label={t('settings.devices')}>
        {(data?.devices ?? []).map((d) => (
          <li key={d.id}>
            <strong>{nameOf(d)}</strong>
            {d.current && <span className="hint"> ({t('devices.thisOne')})</span>}
            <span className="hint">
              {' · '}
              {t('devices.since', { date: formatMoment(Date.parse(d.createdAt), Date.now(), locale, zone) })}
              {d.lastSeenAt &&
                !d.current &&
                ` · ${t('devices.lastSeen', { time: formatAge(Date.parse(d.lastSeenAt), Date.now(), locale) })}`}
            </span>{' '}
            <button
              type="button"
              aria-label={t('devices.signOutLabel', { name: nameOf(d) })}
              onClick={() => run(() => api.devicesRemove({ id: d.id }))}
            >
              {t('devices.signOut')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => run(async () => setCode(await api.devicesAdd({})))}>
        {t('devices.add')}
      </button>
      {code && (
        <div role="status" className="device-code">
          <p>
            {t('devices.code')} <code className="code">{code.code}</code>
          </p>
          <p className="hint">
            {t('devices.codeHint', {
              time: formatMoment(Date.parse(code.expiresAt), Date.now(), locale, zone),
              server: code.server,
              code: code.code,
            })}
          </p>
        </div>
      )}
      <FieldError id="devices-error" message={error} />
    </section>
  );
}
