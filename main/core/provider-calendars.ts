import { randomUUID } from 'node:crypto';
import { googleCalendar } from '../calendar/providers/google-calendar';
import { microsoftCalendar } from '../calendar/providers/microsoft-calendar';
import {
  GOOGLE_DEFAULTS,
  googleTokens,
  signInToGoogle,
  type GoogleApp,
} from '../calendar/providers/sign-in/google-sign-in';
import {
  DEFAULT_AUTHORITY_HOST,
  DEFAULT_GRAPH,
  microsoftTokens,
  signInToMicrosoft,
  type MicrosoftApp,
} from '../calendar/providers/sign-in/microsoft-sign-in';
import type { SignInUi } from '../calendar/providers/sign-in/sign-in-ui';
import type { CalendarSource } from '../calendar/sources/calendar-source';
import type { CalendarSourceConfig } from '../profile/profile';
import type { CalendarAppsData } from '../../shared/protocol/responses';
import { clientSecretKey, signInSecret, type SecretStore } from '../profile/secret-store';

export type ProviderKind = 'microsoft' | 'google';
export type { SignInUi };

/** What connecting a Microsoft 365 or Google calendar takes; every endpoint may be given. */
export interface ConnectCalendar {
  provider: ProviderKind;
  clientId: string;
  /** Google's desktop-app secret ("not secret"): kept in the keychain, never in config.json. */
  clientSecret?: string;
  /** Microsoft: a tenant id or `organizations` (default), or a whole authority URL. */
  tenant?: string;
  authority?: string;
  /** Microsoft Graph's root, or Google's API root (`/calendar/v3` is added). */
  api?: string;
  authUrl?: string;
  tokenUrl?: string;
  deviceUrl?: string;
  name?: string;
  shareTitles?: boolean;
  ignoreAllDay?: boolean;
}

/** What the organisation's admin set for a provider, as what connecting takes (null: nothing set). */
export function appInput(provider: ProviderKind, apps: CalendarAppsData): ConnectCalendar | null {
  if (provider === 'microsoft') {
    const app = apps.microsoft;
    if (!app) return null;
    return {
      provider,
      clientId: app.clientId,
      ...(app.tenant ? { tenant: app.tenant } : {}),
      ...(app.authority ? { authority: app.authority } : {}),
      ...(app.graph ? { api: app.graph } : {}),
    };
  }
  const app = apps.google;
  if (!app) return null;
  return {
    provider,
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    ...(app.authUrl ? { authUrl: app.authUrl } : {}),
    ...(app.tokenUrl ? { tokenUrl: app.tokenUrl } : {}),
    ...(app.api ? { api: app.api } : {}),
  };
}

/** How often a provider is asked for changes in the long-running app (the publisher runs every minute). */
export const PROVIDER_POLL_MS = 3 * 60_000;

/** A warning that only signing in again can fix (the source's reading says so first). */
export const isSignInAgain = (message: string) => message.startsWith('sign in again to ');

const https = (url: string, what: string) => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} is not an address: ${url}`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`${what} must be an https:// address, not ${url}`);
  return url.replace(/\/+$/, '');
};

/** The settings entry of a calendar to connect (no secret in it), checked before anyone signs in. */
export function providerEntry(input: ConnectCalendar): CalendarSourceConfig {
  if (!input.clientId.trim()) throw new Error('give the app (client) id your organisation registered');
  const base = {
    id: randomUUID(),
    kind: input.provider,
    ...(input.name ? { name: input.name } : {}),
    ignoreAllDay: !!input.ignoreAllDay,
    shareTitles: !!input.shareTitles,
  };
  if (input.provider === 'microsoft') {
    const authority = https(
      input.authority ?? `${DEFAULT_AUTHORITY_HOST}/${input.tenant || 'organizations'}`,
      'the authority',
    );
    return {
      ...base,
      location: https(input.api ?? DEFAULT_GRAPH, 'the Graph address'),
      app: { clientId: input.clientId.trim(), authority },
    };
  }
  return {
    ...base,
    location: https(input.api ?? 'https://www.googleapis.com', 'the API address'),
    app: {
      clientId: input.clientId.trim(),
      authUrl: https(input.authUrl ?? GOOGLE_DEFAULTS.authUrl, 'the authorization address'),
      tokenUrl: https(input.tokenUrl ?? GOOGLE_DEFAULTS.tokenUrl, 'the token address'),
      deviceUrl: https(input.deviceUrl ?? GOOGLE_DEFAULTS.deviceUrl, 'the device address'),
    },
  };
}

function microsoftApp(config: CalendarSourceConfig): MicrosoftApp {
  return {
    clientId: config.app?.clientId ?? '',
    authority: config.app?.authority ?? '',
    graph: config.location,
  };
}

function googleApp(config: CalendarSourceConfig, secrets: SecretStore): GoogleApp {
  const secret = secrets.get(clientSecretKey(config.id));
  return {
    clientId: config.app?.clientId ?? '',
    ...(secret ? { clientSecret: secret } : {}),
    authUrl: config.app?.authUrl ?? GOOGLE_DEFAULTS.authUrl,
    tokenUrl: config.app?.tokenUrl ?? GOOGLE_DEFAULTS.tokenUrl,
    ...(config.app?.deviceUrl ? { deviceUrl: config.app.deviceUrl } : {}),
  };
}

/**
 * Signs in for a new entry and keeps what the sign-in left in the secret store, under the
 * entry's id: the account's name goes into the entry, the tokens never do.
 */
export async function signInFor(
  entry: CalendarSourceConfig,
  input: Pick<ConnectCalendar, 'clientSecret'>,
  secrets: SecretStore,
  ui: SignInUi,
): Promise<CalendarSourceConfig> {
  if (input.clientSecret) secrets.set(clientSecretKey(entry.id), input.clientSecret);
  try {
    const signedIn =
      entry.kind === 'microsoft'
        ? await signInToMicrosoft(microsoftApp(entry), ui)
        : await signInToGoogle(googleApp(entry, secrets), ui);
    secrets.set(signInSecret(entry.id), signedIn.secret);
    return { ...entry, user: signedIn.account };
  } catch (error) {
    secrets.delete(clientSecretKey(entry.id));
    throw error;
  }
}

/** The source of a connected calendar: tokens from the secret store, kept there when renewed. */
export function providerSource(
  config: CalendarSourceConfig,
  secrets: SecretStore,
  options: { tz: () => string; pollEveryMs?: number },
): CalendarSource {
  const key = signInSecret(config.id);
  const account = config.user ?? 'not signed in';
  if (config.kind === 'microsoft') {
    const tokens = microsoftTokens(microsoftApp(config), {
      load: () => secrets.get(key),
      save: (value) => secrets.set(key, value),
    });
    return microsoftCalendar({
      graph: config.location,
      account,
      tz: options.tz,
      http: { tokens },
      pollEveryMs: options.pollEveryMs,
    });
  }
  const tokens = googleTokens(googleApp(config, secrets), () => secrets.get(key));
  return googleCalendar({
    api: config.location,
    account,
    tz: options.tz,
    http: { tokens },
    pollEveryMs: options.pollEveryMs,
  });
}
