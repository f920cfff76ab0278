import type { SettingsPatch } from '../../../shared/settings/settings-schema';
import type { SettingsView as Settings } from '../../../shared/views';
import { clockOf } from '../../../shared/i18n/locale';
import { useT } from '../i18n/i18n';

/** A setting chosen from a list, where "" is "as the system has it" (saved as null). */
function Choice<V extends string>(props: {
  label: string;
  value: V | null;
  options: [V | '', string][];
  onChange: (value: V | null) => void;
}) {
  return (
    <>
      <h3>{props.label}</h3>
      <select
        aria-label={props.label}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.target.value || null) as V | null)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

/** The language Ricochet speaks and the clock it writes times on: the system's unless chosen. */
export function LanguageAndClock({ data, save }: { data: Settings; save: (patch: SettingsPatch) => void }) {
  const t = useT();
  return (
    <>
      <Choice
        label={t('settings.language')}
        value={data.locale}
        options={[
          ['', t('settings.system')],
          ['en', 'English'],
          ['fr', 'Français'],
        ]}
        onChange={(locale) => save({ locale })}
      />
      <Choice
        label={t('settings.clock')}
        value={data.clock}
        options={[
          ['', t('settings.clock.region', { example: clockOf(data.region) === '12h' ? '9:00 AM' : '09:00' })],
          ['12h', t('settings.clock.12h')],
          ['24h', t('settings.clock.24h')],
        ]}
        onChange={(clock) => save({ clock })}
      />
    </>
  );
}
