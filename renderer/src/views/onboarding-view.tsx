import { useState } from 'react';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';
import { MeView } from './me-view';
import { JoinForm } from './settings-view';

/** First run: a calendar first, my own availability at once, then a team (or not yet). */
export function OnboardingView({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [step, setStep] = useState<'calendar' | 'team'>('calendar');
  const [error, setError] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">{t('onboarding.title')}</h2>
      {step === 'calendar' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            getApi()!
              .calendarsAdd({ location })
              .then(
                () => setStep('team'),
                (err: Error) => setError(err.message),
              );
          }}
        >
          <p>{t('onboarding.lead')}</p>
          <label>
            {t('onboarding.calendar')}{' '}
            <input value={location} onChange={(e) => setLocation(e.target.value)} required autoFocus />
          </label>
          <button type="submit">{t('onboarding.next')}</button>
          {error && (
            <p role="alert" className="error">
              {t('error.generic', { message: error })}
            </p>
          )}
        </form>
      ) : (
        <>
          <MeView />
          <h3>{t('onboarding.then')}</h3>
          <JoinForm
            onJoin={(v) =>
              getApi()!
                .teamJoin(v)
                .then(onDone, (err: Error) => setError(err.message))
            }
          />
          {error && (
            <p role="alert" className="error">
              {t('error.generic', { message: error })}
            </p>
          )}
        </>
      )}
      <button type="button" className="link" onClick={onDone}>
        {t('onboarding.skip')}
      </button>
    </section>
  );
}
