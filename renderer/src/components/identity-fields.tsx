import { useT } from '../i18n/i18n';

/** Your name and email: asked the same way to join a team and to start one. */
export function IdentityFields() {
  const t = useT();
  return (
    <>
      <label>
        {t('settings.name')} <input name="name" required autoComplete="name" />
      </label>
      <label>
        {t('settings.email')} <input name="email" type="email" required autoComplete="email" />
      </label>
    </>
  );
}
