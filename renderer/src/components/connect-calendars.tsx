import { useState } from 'react';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';
import { useCore } from '../use-core';
import { FieldError } from './placeholders';

/**
 * "Connect Microsoft 365" and "Connect Google", for the providers the organisation's admin set
 * an app for: the sign-in opens in the person's browser; until it comes back the button says
 * so, and what went wrong (cancelled, consent refused) is said beside it.
 */
export function ConnectCalendars({ onDone }: { onDone: () => void }) {
  const t = useT();
  const apps = useCore('calendar-apps', (api) => api.calendarsApps({})).data;
  const [waiting, setWaiting] = useState<'microsoft' | 'google' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!apps || (!apps.microsoft && !apps.google)) return null;
  const connect = async (provider: 'microsoft' | 'google') => {
    setError(null);
    setWaiting(provider);
    try {
      await getApi()!.calendarsConnect({ provider });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWaiting(null);
    }
  };
  return (
    <div className="connect-calendars" role="group" aria-label={t('settings.connectTitle')}>
      {(['microsoft', 'google'] as const)
        .filter((provider) => apps[provider])
        .map((provider) => (
          <button
            type="button"
            key={provider}
            disabled={waiting !== null}
            onClick={() => void connect(provider)}
          >
            {t(provider === 'microsoft' ? 'settings.connectMicrosoft' : 'settings.connectGoogle')}
          </button>
        ))}
      {waiting && (
        <p role="status" className="hint">
          {t('settings.connectWaiting')}
        </p>
      )}
      <FieldError id="settings-error-connect" message={error} />
    </div>
  );
}
