import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  httpsStandIn,
  json,
  opaque,
  pkceChallenge,
  readForm,
  signingKey,
  signJwt,
  takeThrottle,
  type Faults,
} from './https-stand-in';

/**
 * Google's OAuth 2.0 for installed apps and Calendar API v3, as Google documents them: the
 * authorization endpoint redirecting to the loopback address with a code (or error=access_denied),
 * the token endpoint (code with PKCE and the client's secret, refresh, device code with 428 while
 * pending), `events.list` with singleEvents, paging by pageToken and nextSyncToken, cancelled
 * instances in an incremental sync, 410 fullSyncRequired, 429 rateLimitExceeded, 401;
 * `users/me/settings/timezone`. Events are Calendar `Event` JSON as a test writes it.
 */
export type GoogleEventJson = Record<string, unknown> & {
  id: string;
  start: { date?: string; dateTime?: string; timeZone?: string };
  end: { date?: string; dateTime?: string; timeZone?: string };
};

export async function googleStandIn(options: {
  clients: Record<string, string>;
  email?: string;
  timezone?: string;
  /** Google may return fewer events than maxResults (up to 2,500): a smaller page, to test paging. */
  pageMax?: number;
}) {
  const email = options.email ?? 'kenji@acme.example';
  const key = signingKey();
  const events = new Map<string, { event: GoogleEventJson; version: number; removed: boolean }>();
  let version = 0;
  let generation = 1;
  const codes = new Map<
    string,
    { clientId: string; redirectUri: string; challenge: string; scope: string }
  >();
  const refreshTokens = new Set<string>();
  const accessTokens = new Map<string, number>();
  const devices = new Map<string, { userCode: string; approved: boolean; scope: string }>();
  const faults: Faults = {};
  let browser: 'approve' | 'cancel' = 'approve';
  let base = '';

  const clientOk = (form: URLSearchParams) => {
    const id = form.get('client_id') ?? '';
    return (
      id in options.clients &&
      (options.clients[id] === '' || options.clients[id] === form.get('client_secret'))
    );
  };
  const issue = (clientId: string, scope: string, withRefresh: boolean) => {
    const access = opaque('ya29.a0');
    accessTokens.set(access, Date.now() + 3_599_000);
    const refresh = opaque('1//0g');
    if (withRefresh) refreshTokens.add(refresh);
    const now = Math.floor(Date.now() / 1000);
    return {
      access_token: access,
      expires_in: 3599,
      token_type: 'Bearer',
      scope,
      ...(withRefresh ? { refresh_token: refresh } : {}),
      ...(scope.split(' ').includes('openid')
        ? {
            id_token: signJwt(
              {
                iss: 'https://accounts.google.com',
                azp: clientId,
                aud: clientId,
                sub: '110169484474386276334',
                email,
                email_verified: true,
                iat: now,
                exp: now + 3600,
              },
              key,
            ),
          }
        : {}),
    };
  };

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    if (!clientOk(form))
      return json(res, 401, {
        error: 'invalid_client',
        error_description: 'The OAuth client was not found.',
      });
    const clientId = form.get('client_id')!;
    const grant = form.get('grant_type');
    const invalid = (description: string) =>
      json(res, 400, { error: 'invalid_grant', error_description: description });
    if (grant === 'authorization_code') {
      const saved = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!saved) return invalid('Malformed auth code.');
      if (saved.redirectUri !== form.get('redirect_uri'))
        return json(res, 400, { error: 'redirect_uri_mismatch', error_description: 'Bad Request' });
      if (pkceChallenge(form.get('code_verifier') ?? '') !== saved.challenge)
        return invalid('Invalid code verifier.');
      return json(res, 200, issue(clientId, saved.scope, true));
    }
    if (grant === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? ''))
        return invalid('Token has been expired or revoked.');
      return json(
        res,
        200,
        issue(clientId, 'https://www.googleapis.com/auth/calendar.events.readonly', false),
      );
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code') {
      const device = devices.get(form.get('device_code') ?? '');
      if (!device) return json(res, 400, { error: 'expired_token', error_description: 'Bad Request' });
      if (!device.approved)
        return json(res, 428, { error: 'authorization_pending', error_description: 'Precondition Required' });
      devices.delete(form.get('device_code')!);
      return json(res, 200, issue(clientId, device.scope, true));
    }
    json(res, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' });
  }

  type Cursor = {
    since: number;
    at: number;
    offset: number;
    generation: number;
    timeMin?: string;
    timeMax?: string;
  };
  const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
  const decode = (t: string) => JSON.parse(Buffer.from(t, 'base64url').toString()) as Cursor;
  const instant = (t: { date?: string; dateTime?: string }) =>
    Date.parse(t.dateTime ?? `${t.date}T00:00:00Z`);

  function list(res: ServerResponse, q: URLSearchParams) {
    if (q.get('singleEvents') !== 'true')
      return json(res, 400, { error: { code: 400, message: 'singleEvents expected by this stand-in' } });
    let cursor: Cursor;
    const pageToken = q.get('pageToken');
    const syncToken = q.get('syncToken');
    if (syncToken && (q.has('timeMin') || q.has('timeMax')))
      return json(res, 400, {
        error: { code: 400, message: 'The syncToken cannot be used with timeMin or timeMax.' },
      });
    if (pageToken) cursor = decode(pageToken);
    else if (syncToken) cursor = { ...decode(syncToken), offset: 0 };
    else
      cursor = {
        since: 0,
        at: version,
        offset: 0,
        generation,
        timeMin: q.get('timeMin') ?? undefined,
        timeMax: q.get('timeMax') ?? undefined,
      };
    if (cursor.generation !== generation) {
      const message = 'Sync token is no longer valid, a full sync is required.';
      return json(res, 410, {
        error: { errors: [{ domain: 'global', reason: 'fullSyncRequired', message }], code: 410, message },
      });
    }
    if (syncToken) cursor = { ...cursor, since: cursor.at, at: version };
    const items = [...events.values()]
      .filter((e) => e.version > cursor.since && e.version <= cursor.at)
      .filter((e) => cursor.since > 0 || !e.removed)
      .filter(
        (e) =>
          cursor.since > 0 ||
          ((!cursor.timeMax || instant(e.event.start) < Date.parse(cursor.timeMax)) &&
            (!cursor.timeMin || instant(e.event.end) > Date.parse(cursor.timeMin))),
      )
      .sort((a, b) => a.version - b.version)
      .map((e) =>
        e.removed
          ? { kind: 'calendar#event', etag: `"${e.version}"`, id: e.event.id, status: 'cancelled' }
          : { kind: 'calendar#event', etag: `"${e.version}"`, status: 'confirmed', ...e.event },
      );
    const size = Math.min(Number(q.get('maxResults') ?? 250), options.pageMax ?? 2500);
    const page = items.slice(cursor.offset, cursor.offset + size);
    const more = cursor.offset + size < items.length;
    json(res, 200, {
      kind: 'calendar#events',
      etag: `"${version}"`,
      summary: email,
      updated: new Date().toISOString(),
      timeZone: options.timezone ?? 'UTC',
      accessRole: 'owner',
      defaultReminders: [{ method: 'popup', minutes: 10 }],
      ...(more
        ? { nextPageToken: encode({ ...cursor, offset: cursor.offset + size }) }
        : { nextSyncToken: encode({ ...cursor, offset: 0 }) }),
      items: page,
    });
  }

  const server = await httpsStandIn(async (req, res, url) => {
    const path = url.pathname;
    const q = url.searchParams;
    if (path === '/o/oauth2/v2/auth') {
      const clientId = q.get('client_id') ?? '';
      if (!(clientId in options.clients))
        return res
          .writeHead(401, { 'content-type': 'text/html' })
          .end('<p>Error 401: invalid_client. The OAuth client was not found.</p>');
      const redirect = new URL(q.get('redirect_uri') ?? '');
      redirect.searchParams.set('state', q.get('state') ?? '');
      if (browser === 'cancel') redirect.searchParams.set('error', 'access_denied');
      else {
        const code = opaque('4/0A');
        codes.set(code, {
          clientId,
          redirectUri: q.get('redirect_uri') ?? '',
          challenge: q.get('code_challenge') ?? '',
          scope: q.get('scope') ?? '',
        });
        redirect.searchParams.set('code', code);
        redirect.searchParams.set('scope', q.get('scope') ?? '');
      }
      return res.writeHead(302, { location: redirect.toString() }).end();
    }
    if (path === '/token') return token(req, res);
    if (path === '/device/code') {
      const form = await readForm(req);
      if (!clientOk(form))
        return json(res, 401, {
          error: 'invalid_client',
          error_description: 'The OAuth client was not found.',
        });
      const userCode =
        `${randomUUID().slice(0, 3)}-${randomUUID().slice(0, 3)}-${randomUUID().slice(0, 3)}`.toUpperCase();
      const code = opaque('AH-1Ng');
      devices.set(code, { userCode, approved: false, scope: form.get('scope') ?? '' });
      return json(res, 200, {
        device_code: code,
        user_code: userCode,
        verification_url: `${base}/device`,
        expires_in: 1800,
        interval: 1,
      });
    }
    if (path.startsWith('/calendar/v3/')) {
      const token = /^Bearer (.+)$/.exec(String(req.headers['authorization'] ?? ''))?.[1];
      if (!token || (accessTokens.get(token) ?? 0) < Date.now())
        return json(res, 401, {
          error: {
            errors: [
              {
                domain: 'global',
                reason: 'authError',
                message: 'Invalid Credentials',
                locationType: 'header',
                location: 'Authorization',
              },
            ],
            code: 401,
            message: 'Invalid Credentials',
          },
        });
      const throttled = takeThrottle(faults);
      if (throttled) {
        const message = 'Rate Limit Exceeded';
        return json(
          res,
          throttled.status,
          {
            error: {
              errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message }],
              code: throttled.status,
              message,
            },
          },
          { 'retry-after': String(throttled.retryAfter) },
        );
      }
      if (path === '/calendar/v3/calendars/primary/events') return list(res, q);
      if (path === '/calendar/v3/users/me/settings/timezone')
        return json(res, 200, {
          kind: 'calendar#setting',
          etag: '"1"',
          id: 'timezone',
          value: options.timezone ?? 'UTC',
        });
      return json(res, 404, { error: { code: 404, message: 'Not Found' } });
    }
    json(res, 404, { error: 'not_found' });
  });
  base = server.url;

  return {
    url: base,
    authUrl: `${base}/o/oauth2/v2/auth`,
    tokenUrl: `${base}/token`,
    deviceUrl: `${base}/device/code`,
    email,
    requests: server.requests,
    faults,
    browserDoes(next: typeof browser) {
      browser = next;
    },
    put(...list: GoogleEventJson[]) {
      for (const event of list) events.set(event.id, { event, version: ++version, removed: false });
    },
    remove(id: string) {
      const e = events.get(id);
      if (e) events.set(id, { ...e, version: ++version, removed: true });
    },
    expireAccessTokens: () => accessTokens.clear(),
    revokeGrants() {
      accessTokens.clear();
      refreshTokens.clear();
    },
    forgetSyncTokens: () => void generation++,
    approveDevice(userCode: string) {
      for (const d of devices.values()) if (d.userCode === userCode) d.approved = true;
    },
    close: server.close,
  };
}
