import type { FormEvent } from 'react';
import { IdentityFields } from '../components/identity-fields';
import { useT } from '../i18n/i18n';

export type JoinLink = { server: string; code: string };

/** The fields of a submitted form, by name (and no page reload). */
function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
}

function ServerField({ initial }: { initial?: string | undefined }) {
  const t = useT();
  return (
    <label>
      {t('settings.server')}{' '}
      <input
        name="server"
        type="url"
        required
        placeholder="https://ricochet.example.com"
        defaultValue={initial}
      />
    </label>
  );
}

/** Joining with an invite: a newcomer to the organisation. */
export function JoinForm({
  onJoin,
  initial = null,
}: {
  onJoin: (v: { server: string; invite: string; name: string; email: string }) => Promise<unknown>;
  /** From a ricochet://join link: server and code filled in. */
  initial?: JoinLink | null;
}) {
  const t = useT();
  return (
    <form
      aria-label={t('settings.join')}
      onSubmit={(e) => {
        const f = fields(e);
        void onJoin({ server: f['server']!, invite: f['invite']!, name: f['name']!, email: f['email']! });
      }}
    >
      <ServerField initial={initial?.server} />
      <label>
        {t('settings.invite')} <input name="invite" required defaultValue={initial?.code} />
      </label>
      <IdentityFields />
      <button type="submit">{t('settings.join')}</button>
    </form>
  );
}

/**
 * Someone already a member, on another computer: the code made there ("Add a device") signs
 * this one in as them, with their zone, hours and teams.
 */
export function DeviceCodeForm({
  onSignIn,
}: {
  onSignIn: (v: { server: string; code: string }) => Promise<unknown>;
}) {
  const t = useT();
  return (
    <form
      aria-label={t('join.codeSubmit')}
      onSubmit={(e) => {
        const f = fields(e);
        void onSignIn({ server: f['server']!, code: f['code']! });
      }}
    >
      <h4>{t('join.withCode')}</h4>
      <p className="hint">{t('join.withCodeHint')}</p>
      <ServerField />
      <label>
        {t('join.code')}{' '}
        <input name="code" required autoComplete="one-time-code" placeholder="ABCD-EFGH" maxLength={20} />
      </label>
      <button type="submit">{t('join.codeSubmit')}</button>
    </form>
  );
}

/**
 * The company's identity provider: the server's address is all a newcomer needs; the sign-in
 * opens in the browser and the person lands on the board, no invite code.
 */
export function CompanySignInForm({ onSignIn }: { onSignIn: (v: { server: string }) => Promise<unknown> }) {
  const t = useT();
  return (
    <form
      aria-label={t('join.company')}
      onSubmit={(e) => {
        const f = fields(e);
        void onSignIn({ server: f['server']! });
      }}
    >
      <h4>{t('join.company')}</h4>
      <p className="hint">{t('join.companyHint')}</p>
      <ServerField />
      <button type="submit">{t('join.companySubmit')}</button>
    </form>
  );
}
