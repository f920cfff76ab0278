import { useState } from 'react';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';
import { useCore } from '../use-core';

/**
 * Help and diagnostics: the logs folder, the diagnostics IT asks for (copied by the app, or by
 * the browser in browser mode), and "Restart to update" once an update is downloaded.
 */
export function SettingsHelp() {
  const t = useT();
  const api = getApi()!;
  const update = useCore('app-update', (a) => a.appUpdate({})).data;
  const [said, setSaid] = useState<string | null>(null);
  const copy = async () => {
    const { text, copied } = await api.appDiagnostics({ copy: true });
    if (!copied) await navigator.clipboard.writeText(text);
    setSaid(t('settings.diagnosticsCopied'));
  };
  const openLogs = async () => {
    const { folder, opened } = await api.appOpenLogs({});
    setSaid(opened ? null : t('settings.logsAt', { folder }));
  };
  const fail = (e: Error) => setSaid(e.message);
  return (
    <>
      <h3>{t('settings.help')}</h3>
      {update?.ready && (
        <p>
          {t('settings.updateReady', { version: update.ready })}{' '}
          <button type="button" onClick={() => void api.appRestartToUpdate({}).catch(fail)}>
            {t('settings.restartToUpdate', { version: update.ready })}
          </button>
        </p>
      )}
      <p className="actions">
        <button type="button" onClick={() => void openLogs().catch(fail)}>
          {t('settings.openLogs')}
        </button>{' '}
        <button type="button" onClick={() => void copy().catch(fail)}>
          {t('settings.copyDiagnostics')}
        </button>
      </p>
      {said && (
        <p role="status" className="hint">
          {said}
        </p>
      )}
    </>
  );
}
