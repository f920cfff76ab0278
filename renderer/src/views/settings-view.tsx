import { useState } from 'react';
import type { SettingsView as Settings } from '../../../shared/views';
import { getApi } from '../api';
import { formatMoment } from '../../../shared/i18n/status-messages';
import { useLocale, useT, useZone } from '../i18n/i18n';
import { FieldError, Skeleton } from '../components/placeholders';
import { useCore } from '../use-core';
import { ConnectCalendars } from '../components/connect-calendars';
import { LanguageAndClock } from './settings-language';
import { CompanySignInForm, DeviceCodeForm, JoinForm, type JoinLink } from './join-forms';
import { MyDevices } from './my-devices';
import { form, StartTeamForm, type Invite } from './start-team-form';
import { SettingsHelp } from './settings-help';

/** Calendars with their state, hours and zone, privacy, team, language. */
export function SettingsView({ joinLink = null }: { joinLink?: JoinLink | null }) {
  const t = useT();
  const locale = useLocale();
  const { data, reload } = useCore('settings', (api) => api.settingsGet({}));
  const info = useCore('app-info', (api) => api.appInfo({})).data;
  // Which part of the page an error belongs to: it shows there, next to what it concerns.
  const [error, setError] = useState<{ where: string; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  // The calendar last refused, so it can be added anyway.
  const [tried, setTried] = useState<{ location: string; user?: string; password?: string } | null>(null);
  // The invite of a team just started here: it stays in sight once the team exists.
  const [invite, setInvite] = useState<Invite | null>(null);
  const act = async (fn: () => Promise<Settings | undefined>, where = 'page') => {
    try {
      setError(null);
      await fn();
      setSaved(true);
      reload();
    } catch (e) {
      setError({ where, message: (e as Error).message });
    }
  };
  const errorAt = (where: string) => (
    <FieldError id={`settings-error-${where}`} message={error?.where === where ? error.message : null} />
  );
  const zone = useZone();
  if (!data) return <Skeleton label={t('settings.title')} rows={8} />;
  const api = getApi()!;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {errorAt('page')}
      {saved && !error && (
        <p role="status" className="hint">
          {t('settings.saved')}
        </p>
      )}
      {data.warnings.map((warning) => (
        <p role="alert" className="error" key={warning}>
          {warning}
        </p>
      ))}

      <h3>{t('settings.calendars')}</h3>
      {data.calendarsReadAt && (
        <p className="hint">
          {t('settings.lastRead', {
            time: formatMoment(Date.parse(data.calendarsReadAt), Date.now(), locale, zone),
          })}
        </p>
      )}
      <ul className="calendars">
        {data.calendars.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> <span className="hint">({c.kind})</span> —{' '}
            <span className={c.error ? 'error' : 'ok'}>{c.error ?? t('settings.ok')}</span>
            {c.events !== null && <span className="hint"> · {t('settings.events', { n: c.events })}</span>}
            {(['ignoreAllDay', 'shareTitles'] as const).map((option) => (
              <label className="check" key={option}>
                <input
                  type="checkbox"
                  checked={c[option]}
                  onChange={(e) =>
                    void act(() => api.calendarsUpdate({ id: c.id, [option]: e.target.checked }))
                  }
                />{' '}
                {t(`settings.${option}`)}
              </label>
            ))}
            {c.signInAgain && (
              <button type="button" onClick={() => void act(() => api.calendarsSignInAgain({ id: c.id }))}>
                {t('settings.signInAgain')}
              </button>
            )}
            <button type="button" onClick={() => void act(() => api.calendarsRemove({ id: c.id }))}>
              {t('settings.remove')}
            </button>
          </li>
        ))}
      </ul>
      <ConnectCalendars onDone={reload} />
      <form
        aria-label={t('settings.addCalendar')}
        onSubmit={(e) => {
          const f = form(e);
          const input = {
            location: f['location']!,
            ...(f['user'] ? { user: f['user'], password: f['password'] } : {}),
          };
          setTried(input);
          void act(() => api.calendarsAdd(input), 'calendar');
        }}
      >
        <label>
          {t('settings.location')} <input name="location" required />
        </label>
        <label>
          {t('settings.user')} <input name="user" autoComplete="username" />
        </label>
        <label>
          {t('settings.password')} <input name="password" type="password" autoComplete="current-password" />
        </label>
        <button type="submit">{t('settings.add')}</button>
        {errorAt('calendar')}
        {error?.where === 'calendar' && tried && (
          // A feed that is down today can still be added, on purpose.
          <button
            type="button"
            onClick={() => void act(() => api.calendarsAdd({ ...tried, anyway: true }), 'calendar')}
          >
            {t('settings.addAnyway')}
          </button>
        )}
      </form>

      <h3>{t('settings.hours')}</h3>
      {/* Keyed by the values: changed elsewhere (the CLI, another of my devices), the fields follow. */}
      <form
        key={`${data.tz}|${data.hours}`}
        onSubmit={(e) => {
          const f = form(e);
          void act(() => api.settingsUpdate({ hours: f['hours']!, tz: f['tz']! }), 'hours');
        }}
      >
        <label>
          {t('settings.hours')} <input name="hours" defaultValue={data.hours} />
        </label>
        <label>
          {t('settings.zone')}{' '}
          <input
            name="tz"
            defaultValue={data.tz}
            list="zone-names"
            autoComplete="off"
            aria-describedby="settings-error-hours"
          />
        </label>
        {/* Typing searches the zone names (the current one first); the core checks the choice. */}
        <datalist id="zone-names">
          {zoneNames(data.tz).map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <button type="submit">{t('settings.save')}</button>
        {errorAt('hours')}
      </form>

      <h3>{t('settings.aboutMe')}</h3>
      <form
        key={`${data.role}|${data.skills.join(',')}|${data.me.join(',')}`}
        aria-label={t('settings.aboutMe')}
        onSubmit={(e) => {
          const f = form(e);
          const list = (text = '') =>
            text
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean);
          void act(
            () =>
              api.settingsUpdate({ role: f['role'] ?? '', skills: list(f['skills']), me: list(f['emails']) }),
            'about',
          );
        }}
      >
        <label>
          {t('settings.role')} <input name="role" defaultValue={data.role} maxLength={80} />
        </label>
        <label>
          {t('settings.skills')} <input name="skills" defaultValue={data.skills.join(', ')} />
        </label>
        <label>
          {t('settings.emails')} <input name="emails" defaultValue={data.me.join(', ')} />
        </label>
        {data.joinedAs && <p className="hint">{t('settings.joinedAs', { email: data.joinedAs })}</p>}
        <button type="submit">{t('settings.save')}</button>
        {errorAt('about')}
      </form>

      <h3>{t('settings.privacy')}</h3>
      <Check
        label={t('settings.pause')}
        checked={data.pausePublishing}
        set={(on) => void act(() => api.settingsUpdate({ pausePublishing: on }))}
      />

      <h3>{t('settings.team')}</h3>
      {data.team ? (
        <p>
          {t('settings.joined', { team: data.team.name, server: data.team.server })}{' '}
          <button type="button" onClick={() => void act(() => api.teamLeave({}))}>
            {t('settings.leave')}
          </button>
        </p>
      ) : null}
      {data.team && invite ? (
        <div role="status" className="invite">
          <p>{t('settings.inviteLink', { link: invite.link, server: invite.server, code: invite.invite })}</p>
          <p className="hint">{t('settings.inviteLimits')}</p>
          <button
            type="button"
            onClick={() =>
              void api.teamRevokeInvite({ code: invite.invite }).then(
                () => setInvite(null),
                (e: Error) => setError({ where: 'invite', message: e.message }),
              )
            }
          >
            {t('settings.revokeInvite')}
          </button>
          {errorAt('invite')}
          {invite.addresses.length > 1 && (
            <ul aria-label={t('settings.otherAddresses')}>
              {invite.addresses.map((a) => (
                <li key={a.address}>
                  {a.address} <span className="hint">({a.via})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : data.team ? null : (
        <>
          <CompanySignInForm onSignIn={(v) => act(() => api.teamSsoLogin(v), 'company')} />
          {errorAt('company')}
          <JoinForm
            key={joinLink?.code}
            initial={joinLink}
            onJoin={(v) => act(() => api.teamJoin(v), 'join')}
          />
          {errorAt('join')}
          <DeviceCodeForm onSignIn={(v) => act(() => api.teamDeviceLogin(v), 'device-code')} />
          {errorAt('device-code')}
          <StartTeamForm onStarted={(v) => (setInvite(v), reload())} />
        </>
      )}

      {data.team && !data.demo && <MyDevices />}

      <LanguageAndClock data={data} save={(patch) => void act(() => api.settingsUpdate(patch))} />

      <h3>{t('settings.hotkey')}</h3>
      <form
        key={data.hotkey}
        onSubmit={(e) => {
          const f = form(e);
          void act(() => api.settingsUpdate({ hotkey: f['hotkey']! }), 'hotkey');
        }}
      >
        <label>
          {t('settings.hotkey')} <input name="hotkey" defaultValue={data.hotkey} />
        </label>
        <button type="submit">{t('settings.save')}</button>
        <p className="hint">{t('settings.hotkeyValue')}</p>
        {errorAt('hotkey')}
      </form>
      <h3>{t('settings.notifications')}</h3>
      <Check
        label={t('settings.notificationsValue')}
        checked={data.notifications}
        set={(on) => void act(() => api.settingsUpdate({ notifications: on }))}
      />
      <Check
        label={t('settings.quietInMeetings')}
        checked={data.quietInMeetings}
        set={(on) => void act(() => api.settingsUpdate({ quietInMeetings: on }))}
      />
      {info?.mode === 'electron' && (
        <Check
          label={t('settings.openAtLogin')}
          checked={data.openAtLogin ?? info.packaged}
          set={(on) => void act(() => api.settingsUpdate({ openAtLogin: on }))}
        />
      )}
      <SettingsHelp />
    </section>
  );
}

/** A yes-or-no setting: its box and its words, saved as soon as it is ticked. */
function Check({ label, checked, set }: { label: string; checked: boolean; set: (on: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => set(e.target.checked)} /> {label}
    </label>
  );
}

let allZones: string[] | undefined;

/** Every zone name the browser knows, the current one first. */
function zoneNames(current: string): string[] {
  allZones ??= Intl.supportedValuesOf('timeZone');
  return [current, ...allZones.filter((zone) => zone !== current)];
}
