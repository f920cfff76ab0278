import { useState, type DragEvent, type ReactNode } from 'react';
import { getApi } from '../api';
import { FieldError } from '../components/placeholders';
import { useT } from '../i18n/i18n';
import { MeView } from './me-view';
import { CompanySignInForm, DeviceCodeForm, JoinForm } from './join-forms';

/**
 * First run: what Ricochet is for, a calendar (file picker or drop, an ICS address, or a
 * CalDAV account, each with where to find it), my own day at once; then a team, or a demo
 * team to see the point before having one.
 */
export function OnboardingView({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [step, setStep] = useState<'calendar' | 'team'>('calendar');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ where: string; message: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const api = getApi()!;

  const run = (where: string, call: () => Promise<unknown>, next: () => void) => {
    setBusy(true);
    setError(null);
    call().then(
      () => (setBusy(false), next()),
      (err: Error) => (setBusy(false), setError({ where, message: err.message })),
    );
  };
  const importFile = (file: File | undefined) => {
    if (!file) return;
    run(
      'file',
      async () => api.calendarsImport({ name: file.name, text: await file.text() }),
      () => setStep('team'),
    );
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    importFile(e.dataTransfer.files[0]);
  };
  const errorFor = (where: string) => (
    <FieldError id={`error-${where}`} message={error?.where === where ? error.message : null} />
  );

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">{t('onboarding.title')}</h2>
      {step === 'calendar' ? (
        <>
          <p className="lead">{t('onboarding.why')}</p>
          <p>{t('onboarding.lead')}</p>
          {busy && (
            <p role="status" className="progress">
              {t('onboarding.reading')}
            </p>
          )}
          <div
            className={`dropzone${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => (e.preventDefault(), setDragging(true))}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label className="file-pick">
              <span className="button">{t('onboarding.pickFile')}</span>
              <input
                type="file"
                accept=".ics,text/calendar"
                className="visually-hidden"
                aria-describedby="error-file"
                onChange={(e) => importFile(e.target.files?.[0])}
              />
            </label>
            <span className="hint">{t('onboarding.drop')}</span>
            <Where>{t('onboarding.whereFile')}</Where>
            {errorFor('file')}
          </div>
          <form
            aria-label={t('onboarding.byUrl')}
            onSubmit={(e) => {
              e.preventDefault();
              const location = String(new FormData(e.currentTarget).get('url') ?? '');
              run(
                'url',
                () => api.calendarsAdd({ location }),
                () => setStep('team'),
              );
            }}
          >
            <label>
              {t('onboarding.url')}{' '}
              <input name="url" placeholder="https://…/basic.ics" required aria-describedby="error-url" />
            </label>
            <button type="submit" disabled={busy}>
              {t('onboarding.next')}
            </button>
            <Where>{t('onboarding.whereUrl')}</Where>
            {errorFor('url')}
          </form>
          <details>
            <summary>{t('onboarding.caldav')}</summary>
            <form
              aria-label={t('onboarding.caldav')}
              onSubmit={(e) => {
                e.preventDefault();
                const f = new FormData(e.currentTarget);
                run(
                  'caldav',
                  () =>
                    api.calendarsAdd({
                      location: String(f.get('server')),
                      user: String(f.get('user')),
                      password: String(f.get('password')),
                    }),
                  () => setStep('team'),
                );
              }}
            >
              <label>
                {t('onboarding.caldavServer')} <input name="server" type="url" required />
              </label>
              <label>
                {t('settings.user')} <input name="user" required autoComplete="username" />
              </label>
              <label>
                {t('settings.password')}{' '}
                <input name="password" type="password" required autoComplete="current-password" />
              </label>
              <button type="submit" disabled={busy}>
                {t('onboarding.next')}
              </button>
              <Where>{t('onboarding.whereCaldav')}</Where>
              {errorFor('caldav')}
            </form>
          </details>
          <div className="onboarding-demo">
            <p>{t('onboarding.demoLead')}</p>
            <button
              type="button"
              onClick={() => run('demo', () => api.demoStart({}), onDone)}
              disabled={busy}
            >
              {t('onboarding.demo')}
            </button>
            {errorFor('demo')}
          </div>
        </>
      ) : (
        <>
          <MeView />
          <h3>{t('onboarding.then')}</h3>
          <CompanySignInForm
            onSignIn={(v) =>
              api
                .teamSsoLogin(v)
                .then(onDone, (err: Error) => setError({ where: 'company', message: err.message }))
            }
          />
          {errorFor('company')}
          <JoinForm
            onJoin={(v) =>
              api.teamJoin(v).then(onDone, (err: Error) => setError({ where: 'join', message: err.message }))
            }
          />
          {errorFor('join')}
          <DeviceCodeForm
            onSignIn={(v) =>
              api
                .teamDeviceLogin(v)
                .then(onDone, (err: Error) => setError({ where: 'device-code', message: err.message }))
            }
          />
          {errorFor('device-code')}
        </>
      )}
      <button type="button" className="link" onClick={onDone}>
        {t('onboarding.skip')}
      </button>
    </section>
  );
}

function Where({ children }: { children: ReactNode }) {
  return <p className="hint where">{children}</p>;
}
