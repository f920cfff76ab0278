import type { ICachePlugin } from '@azure/msal-node';
import { SignInAgainError, type AccessTokens } from '../provider-http';
import { clientIsUnknown } from './check-client';
import { SIGN_IN_TIMEOUT_MS, withTimeout, type SignedIn, type SignInUi } from './sign-in-ui';

export interface MicrosoftApp {
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant>`, or a national cloud's, or a test's. */
  authority: string;
  /** Graph's root: the scopes are named under it (`https://graph.microsoft.com/Calendars.ReadBasic`). */
  graph: string;
}

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const DEFAULT_GRAPH = 'https://graph.microsoft.com';

/** Free/busy, the place and (if shared) titles need no more than this; offline_access gives a refresh token. */
export const microsoftScopes = (graph: string) =>
  ['Calendars.ReadBasic', 'MailboxSettings.Read'].map((s) => `${graph.replace(/\/+$/, '')}/${s}`);

/**
 * MSAL with its token cache in our secret store (the keychain in the app): nothing of it is
 * written anywhere else. The authority's host is "known", so MSAL reads its OpenID document and
 * asks no Microsoft host about it (national clouds and tests work the same way).
 */
async function msal(
  app: MicrosoftApp,
  cache: { load(): string | undefined; save(serialized: string): void },
) {
  // Loaded when a Microsoft calendar is first used: MSAL is large, and most profiles never need it.
  const { LogLevel, PublicClientApplication } = await import('@azure/msal-node');
  const plugin: ICachePlugin = {
    async beforeCacheAccess(context) {
      const saved = cache.load();
      if (saved) context.tokenCache.deserialize(saved);
    },
    async afterCacheAccess(context) {
      if (context.cacheHasChanged) cache.save(context.tokenCache.serialize());
    },
  };
  return new PublicClientApplication({
    auth: {
      clientId: app.clientId,
      authority: app.authority,
      knownAuthorities: [new URL(app.authority).host],
    },
    cache: { cachePlugin: plugin },
    // Tokens never reach a log: MSAL's logger is off but for errors, without personal data.
    system: {
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} },
    },
  });
}

/** Signs in in the browser (PKCE, loopback redirect) or with a device code; returns the account and its cache. */
export async function signInToMicrosoft(app: MicrosoftApp, ui: SignInUi): Promise<SignedIn> {
  const tokenUrl = `${app.authority.replace(/\/+$/, '')}/oauth2/v2.0/token`;
  if (await clientIsUnknown(tokenUrl, app.clientId))
    throw new Error(microsoftSignInProblem({ errorCode: 'unauthorized_client' }, app));
  let secret = '';
  const client = await msal(app, { load: () => secret || undefined, save: (s) => void (secret = s) });
  const scopes = microsoftScopes(app.graph);
  try {
    const result =
      ui.kind === 'browser'
        ? await withTimeout(
            client.acquireTokenInteractive({
              scopes,
              openBrowser: ui.open,
              successTemplate: '<p>Ricochet can read your calendar now. You can close this page.</p>',
              errorTemplate: '<p>Signing in did not work: {error}. Go back to Ricochet to see why.</p>',
            }),
            ui.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
            'nobody finished signing in in the browser within 5 minutes: try again',
          )
        : await client.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (r) => ui.show(r.message) });
    if (!result?.account) throw new Error('Microsoft 365 gave no account');
    return { account: result.account.username || result.account.homeAccountId, secret };
  } catch (error) {
    throw new Error(microsoftSignInProblem(error, app), { cause: error });
  }
}

/** What went wrong, in words a person can act on (the AADSTS codes are Microsoft's documented ones). */
export function microsoftSignInProblem(error: unknown, app: MicrosoftApp): string {
  const e = error as { errorCode?: string; errorMessage?: string; message?: string };
  const text = `${e.errorCode ?? ''} ${e.errorMessage ?? ''} ${e.message ?? ''}`;
  // Consent first: a refused consent also comes back as access_denied.
  if (/consent_required|AADSTS65001|AADSTS90094|AADSTS90099/i.test(text))
    return `your organisation has not allowed this app to read calendars: ask your IT to grant consent to the app ${app.clientId} (README: "Register the app")`;
  if (/access_denied|AADSTS65004|user_cancel|authorization_declined/i.test(text))
    return 'you cancelled signing in to Microsoft 365: nothing was connected';
  if (/AADSTS700016|unauthorized_client|invalid_client|AADSTS7000218/i.test(text))
    return `Microsoft 365 does not know the app ${app.clientId} in ${new URL(app.authority).pathname.slice(1) || 'this tenant'}: check --client-id, or the one your admin set (ricochet admin calendar-apps)`;
  if (/AADSTS90002|tenant.*not found/i.test(text))
    return `Microsoft 365 does not know the tenant in ${app.authority}: check --tenant`;
  if (/nobody finished/.test(text)) return e.message ?? text;
  return `signing in to Microsoft 365 did not work: ${(e.errorMessage || e.message || String(error)).split('\n')[0]}`;
}

/** Access tokens for Graph from the kept cache: refreshed by MSAL before they expire; a dead grant means "sign in again". */
export function microsoftTokens(
  app: MicrosoftApp,
  cache: { load(): string | undefined; save(serialized: string): void },
): AccessTokens {
  let loaded: ReturnType<typeof msal> | undefined;
  const scopes = microsoftScopes(app.graph);
  return {
    async accessToken(fresh = false) {
      const client = await (loaded ??= msal(app, cache));
      const [account] = await client.getTokenCache().getAllAccounts();
      if (!account) throw new SignInAgainError('Microsoft 365', 'this computer holds no sign-in for it');
      try {
        const result = await client.acquireTokenSilent({ account, scopes, forceRefresh: fresh });
        return result.accessToken;
      } catch (error) {
        if (
          (error as Error).name === 'InteractionRequiredAuthError' ||
          /invalid_grant/.test(String((error as Error).message))
        )
          throw new SignInAgainError('Microsoft 365', 'the sign-in expired or was revoked');
        throw error;
      }
    },
  };
}
