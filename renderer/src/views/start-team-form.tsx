import { useState, type FormEvent } from 'react';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';
import { IdentityFields } from '../components/identity-fields';

export type Invite = {
  server: string;
  invite: string;
  link: string;
  addresses: { address: string; via: string }[];
};

/** The fields of a submitted form, by name (and no page reload). */
export function form(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
}

/** Runs the team server inside the app and shows the invite link to hand out. */
export function StartTeamForm({ onStarted }: { onStarted: (invite: Invite) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={t('settings.startTeam')}
      onSubmit={(e) => {
        const f = form(e);
        getApi()!
          .teamStart({
            teamName: f['teamName']!,
            name: f['name']!,
            email: f['email']!,
            port: Number(f['port'] || 8787),
            ...(f['lan'] ? { host: '0.0.0.0' as const } : {}),
          })
          .then(onStarted, (err: Error) => setError(err.message));
      }}
    >
      <h4>{t('settings.startTeam')}</h4>
      <label>
        {t('settings.teamName')} <input name="teamName" required />
      </label>
      <IdentityFields />
      <label>
        {t('settings.port')} <input name="port" type="number" min={1024} max={65535} defaultValue={8787} />
      </label>
      <label className="check">
        <input type="checkbox" name="lan" /> {t('settings.shareLan')}
      </label>
      <button type="submit">{t('settings.start')}</button>
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
    </form>
  );
}
