import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import { SignInAgainError, type AccessTokens } from '../provider-http';
import { clientIsUnknown } from './check-client';
import { loopbackRedirect } from './loopback-redirect';
import { SIGN_IN_TIMEOUT_MS, withTimeout, type SignedIn, type SignInUi } from './sign-in-ui';

export interface GoogleApp {
  clientId: string;
  /** Google's "desktop app" clients have a secret that is not secret; kept in the keychain all the same. */
  clientSecret?: string;
  authUrl: string;
  tokenUrl: string;
  /** Google's device endpoint (`--device-code`); Google publishes it beside the token endpoint. */
  deviceUrl?: string;
}

export const GOOGLE_DEFAULTS = {
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  deviceUrl: 'https://oauth2.googleapis.com/device/code',
};

/** The events, read only (their list gives the zone too); openid and email name the account. */
export const googleScopes = ['openid', 'email', 'https://www.googleapis.com/auth/calendar.events.readonly'];

const server = (app: GoogleApp): oauth.AuthorizationServer => ({
  issuer: 'https://accounts.google.com',
  authorization_endpoint: app.authUrl,
  token_endpoint: app.tokenUrl,
  device_authorization_endpoint: app.deviceUrl ?? GOOGLE_DEFAULTS.deviceUrl,
});
const client = (app: GoogleApp): oauth.Client => ({ client_id: app.clientId });
const auth = (app: GoogleApp) => (app.clientSecret ? oauth.ClientSecretPost(app.clientSecret) : oauth.None());

/** What is kept in the keychain for a Google calendar. */
const googleGrant = z.object({ refreshToken: z.string().min(1) });
type GoogleGrant = z.infer<typeof googleGrant>;

/**
 * Signs in with oauth4webapi (an OpenID-certified, dependency-free OAuth client): authorization
 * code with PKCE (S256) and a state, redirected to 127.0.0.1 as RFC 8252 says; or a device code.
 */
export async function signInToGoogle(app: GoogleApp, ui: SignInUi): Promise<SignedIn> {
  const as = server(app);
  if (await clientIsUnknown(app.tokenUrl, app.clientId, app.clientSecret))
    throw new Error(googleSignInProblem({ error: 'invalid_client' }, app));
  let tokens: oauth.TokenEndpointResponse;
  try {
    if (ui.kind === 'browser') {
      const loopback = await loopbackRedirect();
      try {
        const verifier = oauth.generateRandomCodeVerifier();
        const state = oauth.generateRandomState();
        const url = new URL(app.authUrl);
        url.search = new URLSearchParams({
          client_id: app.clientId,
          redirect_uri: loopback.redirectUri,
          response_type: 'code',
          scope: googleScopes.join(' '),
          code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          access_type: 'offline',
          prompt: 'consent',
        }).toString();
        // Listening for this state before the page opens: a quick browser may answer at once.
        const answered = loopback.wait(state);
        await ui.open(url.toString());
        const answer = await withTimeout(
          answered,
          ui.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
          'nobody finished signing in in the browser within 5 minutes: try again',
        );
        const params = oauth.validateAuthResponse(as, client(app), answer, state);
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client(app),
          auth(app),
          params,
          loopback.redirectUri,
          verifier,
        );
        tokens = await oauth.processAuthorizationCodeResponse(as, client(app), response);
      } finally {
        loopback.close();
      }
    } else tokens = await deviceCode(app, ui.show);
  } catch (error) {
    throw new Error(googleSignInProblem(error, app), { cause: error });
  }
  if (!tokens.refresh_token) throw new Error('Google gave no refresh token: sign in again (prompt=consent)');
  const account = emailOf(tokens.id_token) ?? 'primary calendar';
  const grant: GoogleGrant = { refreshToken: tokens.refresh_token };
  return { account, secret: JSON.stringify(grant) };
}

/** Google's device flow answers as Google documents it (verification_url, 428 while pending). */
const deviceStart = z.object({
  device_code: z.string().min(1).max(2_000),
  user_code: z.string().min(1).max(100),
  verification_url: z.string().max(2_000).optional(),
  verification_uri: z.string().max(2_000).optional(),
  expires_in: z.number().positive(),
  interval: z.number().positive().optional(),
});
const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().optional(),
  id_token: z.string().optional(),
});
const oauthError = z.object({
  error: z.string().max(200),
  error_description: z.string().max(2_000).optional(),
});

/**
 * Google's device flow ("TVs and limited-input devices") with plain requests: Google answers
 * it in its own way (verification_url; 428 while the person has not entered the code), which a
 * strict RFC 8628 client refuses.
 */
async function deviceCode(
  app: GoogleApp,
  show: (message: string) => void,
): Promise<oauth.TokenEndpointResponse> {
  const post = (url: string, body: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: app.clientId,
        ...(app.clientSecret ? { client_secret: app.clientSecret } : {}),
        ...body,
      }),
      signal: AbortSignal.timeout(15_000),
    });
  const first = await post(app.deviceUrl ?? GOOGLE_DEFAULTS.deviceUrl, { scope: googleScopes.join(' ') });
  const firstBody: unknown = await first.json().catch(() => ({}));
  if (!first.ok) throw oauthError.safeParse(firstBody).data ?? new Error(`HTTP ${first.status}`);
  const started = deviceStart.parse(firstBody);
  show(
    `To sign in, open ${started.verification_url ?? started.verification_uri} and enter the code ${started.user_code}`,
  );
  let interval = (started.interval ?? 5) * 1000;
  const deadline = Date.now() + started.expires_in * 1000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, interval));
    const answer = await post(app.tokenUrl, {
      device_code: started.device_code,
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    });
    const body: unknown = await answer.json().catch(() => ({}));
    if (answer.ok) {
      const tokens = tokenAnswer.parse(body);
      return { ...tokens, token_type: 'bearer' };
    }
    const problem = oauthError.safeParse(body).data;
    if (problem?.error === 'authorization_pending') continue;
    if (problem?.error === 'slow_down') interval += 5000;
    else throw problem ?? new Error(`HTTP ${answer.status}`);
  }
  throw new Error('the code expired before anyone entered it: try again');
}

/**
 * The account's address from the ID token the token endpoint gave over TLS (OpenID Connect
 * lets a client that got it so skip the signature check); only its name is used.
 */
function emailOf(idToken: string | undefined): string | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    return z
      .object({ email: z.string().max(320) })
      .safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString())).data?.email;
  } catch {
    return undefined;
  }
}

export function googleSignInProblem(error: unknown, app: GoogleApp): string {
  const e = error as {
    error?: string;
    error_description?: string;
    message?: string;
    cause?: { error?: string };
  };
  const code = e.error ?? e.cause?.error ?? '';
  const text = `${code} ${e.error_description ?? ''} ${e.message ?? ''}`;
  if (/access_denied/.test(text)) return 'you cancelled signing in to Google: nothing was connected';
  if (/admin_policy_enforced|org_internal/.test(text))
    return 'your Google Workspace does not allow this app: ask your admin to trust it (README: "Register the app")';
  if (/invalid_client|unauthorized_client|deleted_client/.test(text))
    return `Google does not know the app ${app.clientId}: check --client-id and --client-secret-env, or the one your admin set`;
  if (/nobody finished|expired before/.test(text)) return e.message ?? text;
  return `signing in to Google did not work: ${(e.error_description || e.message || String(error)).split('\n')[0]}`;
}

/** Access tokens from the kept refresh token, renewed a minute before they expire. */
export function googleTokens(app: GoogleApp, grant: () => string | undefined): AccessTokens {
  let current: { token: string; expires: number } | undefined;
  return {
    async accessToken(fresh = false) {
      if (!fresh && current && current.expires - 60_000 > Date.now()) return current.token;
      const saved = grant();
      const refreshToken = saved ? googleGrant.safeParse(JSON.parse(saved)).data?.refreshToken : undefined;
      if (!refreshToken) throw new SignInAgainError('Google', 'this computer holds no sign-in for it');
      const as = server(app);
      let tokens: oauth.TokenEndpointResponse;
      try {
        tokens = await oauth.processRefreshTokenResponse(
          as,
          client(app),
          await oauth.refreshTokenGrantRequest(as, client(app), auth(app), refreshToken),
        );
      } catch (error) {
        if ((error as { error?: string }).error === 'invalid_grant')
          throw new SignInAgainError('Google', 'the sign-in expired or was revoked');
        throw new Error(`cannot renew the Google sign-in: ${(error as Error).message}`, { cause: error });
      }
      current = { token: tokens.access_token, expires: Date.now() + (tokens.expires_in ?? 3600) * 1000 };
      return current.token;
    },
  };
}
