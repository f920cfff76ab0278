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
 * Microsoft's identity platform (v2.0 endpoints) and Graph's calendar, as their published
 * documentation describes them: OpenID discovery, authorize with PKCE and form_post, token
 * (code, refresh, device code), AADSTS errors; `calendarView/delta` with nextLink/deltaLink,
 * `@removed`, 410 when the sync state is gone, 429 with Retry-After, 401 for a stale token;
 * `mailboxSettings`. Events are Graph `event` JSON as a test writes it (times in UTC, as
 * Graph answers with `Prefer: outlook.timezone="UTC"`).
 */
export type GraphEventJson = Record<string, unknown> & {
  id: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
};

export interface MicrosoftStandInOptions {
  clientIds: string[];
  user?: { name: string; upn: string };
  mailbox?: Record<string, unknown>;
}

export async function microsoftStandIn(options: MicrosoftStandInOptions) {
  const user = {
    name: 'Ana Lopez',
    upn: 'ana@contoso.example',
    ...options.user,
    oid: randomUUID(),
    tid: randomUUID(),
  };
  const key = signingKey();
  const events = new Map<string, { event: GraphEventJson; version: number; removed: boolean }>();
  let version = 0;
  let generation = 1;
  const codes = new Map<
    string,
    { clientId: string; redirectUri: string; challenge: string; nonce?: string; scope: string }
  >();
  const refreshTokens = new Map<string, { clientId: string; scope: string }>();
  const accessTokens = new Map<string, number>();
  const devices = new Map<string, { userCode: string; approved: boolean; clientId: string; scope: string }>();
  const faults: Faults = {};
  let browser: 'approve' | 'cancel' | 'no-consent' = 'approve';
  const seen = { preferUtc: 0, graphRequests: 0 };
  let base = '';

  const clientInfo = () =>
    Buffer.from(JSON.stringify({ uid: user.oid, utid: user.tid })).toString('base64url');
  const unknownClient = (clientId: string) => ({
    error: 'unauthorized_client',
    error_description: `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${user.tid}'.`,
    error_codes: [700016],
  });
  const issue = (clientId: string, scope: string, nonce?: string) => {
    const access = opaque('eyJ0eXAi.graph');
    accessTokens.set(access, Date.now() + 3_599_000);
    const refresh = opaque('0.AR8A.refresh');
    refreshTokens.set(refresh, { clientId, scope });
    const now = Math.floor(Date.now() / 1000);
    const idToken = signJwt(
      {
        aud: clientId,
        iss: `${base}/${user.tid}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        name: user.name,
        oid: user.oid,
        preferred_username: user.upn,
        sub: user.oid,
        tid: user.tid,
        ver: '2.0',
        ...(nonce ? { nonce } : {}),
      },
      key,
    );
    return {
      token_type: 'Bearer',
      scope: scope
        .split(' ')
        .filter((s) => !['openid', 'profile', 'offline_access'].includes(s))
        .join(' '),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: access,
      refresh_token: refresh,
      id_token: idToken,
      client_info: clientInfo(),
    };
  };

  const formPost = (res: ServerResponse, action: string, fields: Record<string, string>) => {
    const inputs = Object.entries(fields)
      .map(([n, v]) => `<input type="hidden" name="${n}" value="${v.replace(/"/g, '&quot;')}"/>`)
      .join('');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${action}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit" /></noscript></form><script language="javascript">document.forms[0].submit();</script></body></html>`,
      );
  };

  function authorize(res: ServerResponse, q: URLSearchParams) {
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!options.clientIds.includes(clientId)) {
      // As Microsoft does: the page says so, and nothing goes back to the app.
      res
        .writeHead(400, { 'content-type': 'text/html' })
        .end(`<p>${unknownClient(clientId).error_description}</p>`);
      return;
    }
    const state = q.get('state') ?? '';
    const respond = (fields: Record<string, string>) =>
      q.get('response_mode') === 'form_post'
        ? formPost(res, redirectUri, { ...fields, state })
        : res
            .writeHead(302, { location: `${redirectUri}?${new URLSearchParams({ ...fields, state })}` })
            .end();
    if (browser === 'cancel')
      return respond({
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
      });
    if (browser === 'no-consent')
      return respond({
        error: 'access_denied',
        error_description: `AADSTS90094: The grant requires admin permission. consent_required for app ${clientId}.`,
      });
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
      return respond({
        error: 'invalid_request',
        error_description: 'AADSTS9002325: Proof Key for Code Exchange is required',
      });
    const code = opaque('0.AR8A.code');
    codes.set(code, {
      clientId,
      redirectUri,
      challenge: q.get('code_challenge')!,
      scope: q.get('scope') ?? '',
      ...(q.get('nonce') ? { nonce: q.get('nonce')! } : {}),
    });
    respond({ code, client_info: clientInfo(), session_state: randomUUID() });
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const clientId = form.get('client_id') ?? '';
    if (!options.clientIds.includes(clientId)) return json(res, 400, unknownClient(clientId));
    const grant = form.get('grant_type');
    const bad = (code: number, text: string, error = 'invalid_grant') =>
      json(res, 400, { error, error_description: `AADSTS${code}: ${text}`, error_codes: [code] });
    if (grant === 'authorization_code') {
      const saved = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!saved) return bad(70000, 'The provided authorization code is invalid or has expired.');
      if (saved.redirectUri !== form.get('redirect_uri'))
        return bad(50011, 'The redirect URI does not match.');
      if (pkceChallenge(form.get('code_verifier') ?? '') !== saved.challenge)
        return bad(
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
      return json(res, 200, issue(clientId, saved.scope, saved.nonce));
    }
    if (grant === 'refresh_token') {
      const saved = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!saved) return bad(700082, 'The refresh token has expired due to inactivity.');
      return json(res, 200, issue(clientId, form.get('scope') ?? saved.scope));
    }
    // The documented URN, and the short name MSAL sends (Microsoft accepts both).
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code' || grant === 'device_code') {
      const device = devices.get(form.get('device_code') ?? '');
      if (!device) return bad(70019, 'Verification code expired.', 'expired_token');
      if (!device.approved)
        return json(res, 400, {
          error: 'authorization_pending',
          error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.',
        });
      devices.delete(form.get('device_code')!);
      return json(res, 200, issue(clientId, device.scope));
    }
    return bad(70003, 'The app requested an unsupported grant type.', 'unsupported_grant_type');
  }

  async function deviceCode(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const clientId = form.get('client_id') ?? '';
    if (!options.clientIds.includes(clientId)) return json(res, 400, unknownClient(clientId));
    const userCode = Math.random().toString(36).slice(2, 11).toUpperCase();
    const code = opaque('device');
    devices.set(code, { userCode, approved: false, clientId, scope: form.get('scope') ?? '' });
    json(res, 200, {
      user_code: userCode,
      device_code: code,
      verification_uri: `${base}/devicelogin`,
      expires_in: 900,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${base}/devicelogin and enter the code ${userCode} to authenticate.`,
    });
  }

  const inWindow = (e: GraphEventJson, from: string, to: string) =>
    Date.parse(`${e.start.dateTime.slice(0, 19)}Z`) < Date.parse(to) &&
    Date.parse(`${e.end.dateTime.slice(0, 19)}Z`) > Date.parse(from);

  type Cursor = { from: string; to: string; since: number; at: number; offset: number; generation: number };
  const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

  function delta(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) {
    const prefer = String(req.headers['prefer'] ?? '');
    if (/outlook\.timezone="UTC"/.test(prefer)) seen.preferUtc++;
    const pageSize = Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? 10);
    const token = q.get('$deltatoken') ?? q.get('$skiptoken');
    let cursor: Cursor;
    if (token) {
      cursor = JSON.parse(Buffer.from(token, 'base64url').toString()) as Cursor;
      if (cursor.generation !== generation)
        return json(res, 410, {
          error: { code: 'SyncStateNotFound', message: 'The sync state generation is not found.' },
        });
      if (q.has('$deltatoken')) cursor = { ...cursor, since: cursor.at, at: version, offset: 0 };
    } else {
      const from = q.get('startDateTime');
      const to = q.get('endDateTime');
      if (!from || !to)
        return json(res, 400, {
          error: { code: 'ErrorInvalidParameter', message: 'startDateTime and endDateTime are required.' },
        });
      cursor = { from, to, since: 0, at: version, offset: 0, generation };
    }
    const items = [...events.values()]
      .filter((e) => e.version > cursor.since && e.version <= cursor.at)
      .filter((e) => cursor.since > 0 || (!e.removed && inWindow(e.event, cursor.from, cursor.to)))
      .sort((a, b) => a.version - b.version)
      .map((e) =>
        e.removed || !inWindow(e.event, cursor.from, cursor.to)
          ? { '@odata.type': '#microsoft.graph.event', id: e.event.id, '@removed': { reason: 'deleted' } }
          : { '@odata.type': '#microsoft.graph.event', '@odata.etag': `W/"${e.version}"`, ...e.event },
      );
    const page = items.slice(cursor.offset, cursor.offset + pageSize);
    const more = cursor.offset + pageSize < items.length;
    json(res, 200, {
      '@odata.context': `${base}/v1.0/$metadata#Collection(event)`,
      ...(more
        ? {
            '@odata.nextLink': `${base}/v1.0/me/calendarView/delta?$skiptoken=${encode({ ...cursor, offset: cursor.offset + pageSize })}`,
          }
        : {
            '@odata.deltaLink': `${base}/v1.0/me/calendarView/delta?$deltatoken=${encode({ ...cursor, offset: 0 })}`,
          }),
      value: page,
    });
  }

  const graphAuthorized = (req: IncomingMessage) => {
    const token = /^Bearer (.+)$/.exec(String(req.headers['authorization'] ?? ''))?.[1];
    const expires = token ? accessTokens.get(token) : undefined;
    return expires !== undefined && expires > Date.now();
  };

  const server = await httpsStandIn(async (req, res, url) => {
    const path = url.pathname;
    const tenantPath =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/(authorize|token|devicecode))$/.exec(
        path,
      );
    if (tenantPath) {
      const tenant = tenantPath[1]!;
      const endpoint = tenantPath[2]!;
      if (endpoint.endsWith('openid-configuration')) {
        const issuerTenant = ['common', 'organizations', 'consumers'].includes(tenant)
          ? '{tenantid}'
          : tenant;
        return json(res, 200, {
          token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
          token_endpoint_auth_methods_supported: [
            'client_secret_post',
            'private_key_jwt',
            'client_secret_basic',
          ],
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          issuer: `${base}/${issuerTenant}/v2.0`,
          request_uri_parameter_supported: false,
          userinfo_endpoint: `${base}/oidc/userinfo`,
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
          http_logout_supported: true,
          frontchannel_logout_supported: true,
          end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
          claims_supported: [
            'sub',
            'iss',
            'aud',
            'exp',
            'iat',
            'nonce',
            'preferred_username',
            'name',
            'tid',
            'ver',
            'oid',
          ],
          tenant_region_scope: 'EU',
          cloud_instance_name: new URL(base).host,
          cloud_graph_host_name: 'graph.windows.net',
          msgraph_host: new URL(base).host,
          rbac_url: 'https://pas.windows.net',
        });
      }
      if (endpoint.endsWith('keys')) return json(res, 200, { keys: [key.jwk] });
      if (endpoint.endsWith('authorize')) return authorize(res, url.searchParams);
      if (endpoint.endsWith('token')) return token(req, res);
      return deviceCode(req, res);
    }
    if (path === '/devicelogin') {
      const device = [...devices.values()].find((d) => d.userCode === url.searchParams.get('code'));
      if (device) device.approved = true;
      return res
        .writeHead(device ? 200 : 404, { 'content-type': 'text/html' })
        .end(device ? '<p>You have signed in.</p>' : '<p>Unknown code.</p>');
    }
    if (path.startsWith('/v1.0/')) {
      seen.graphRequests++;
      if (!graphAuthorized(req))
        return json(res, 401, {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Access token has expired or is not yet valid.',
          },
        });
      const throttled = takeThrottle(faults);
      if (throttled)
        return json(
          res,
          throttled.status,
          {
            error: {
              code: throttled.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
              message: 'Please retry after the time given.',
            },
          },
          { 'retry-after': String(throttled.retryAfter) },
        );
      if (path === '/v1.0/me/calendarView/delta') return delta(req, res, url.searchParams);
      if (path === '/v1.0/me/mailboxSettings')
        return json(res, 200, {
          '@odata.context': `${base}/v1.0/$metadata#users('${user.oid}')/mailboxSettings`,
          archiveFolder: 'AAMkAGI2TGuLAAA=',
          timeZone: 'UTC',
          automaticRepliesSetting: { status: 'disabled', externalAudience: 'all' },
          language: { locale: 'fr-FR', displayName: 'français (France)' },
          workingHours: {
            daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
            startTime: '08:00:00.0000000',
            endTime: '17:00:00.0000000',
            timeZone: { name: 'Romance Standard Time' },
          },
          ...options.mailbox,
        });
      return json(res, 404, {
        error: { code: 'ResourceNotFound', message: `Resource not found for the segment '${path}'.` },
      });
    }
    json(res, 404, { error: 'not_found' });
  });
  base = server.url;

  return {
    url: base,
    /** The authority an app is given: `<url>/<tenant>`. */
    authority: (tenant = 'organizations') => `${base}/${tenant}`,
    user,
    requests: server.requests,
    seen,
    faults,
    /** What the next browser sign-in does: approve, the person cancels, or the tenant refuses consent. */
    browserDoes(next: typeof browser) {
      browser = next;
    },
    put(...list: GraphEventJson[]) {
      for (const event of list) events.set(event.id, { event, version: ++version, removed: false });
    },
    remove(id: string) {
      const e = events.get(id);
      if (e) events.set(id, { ...e, version: ++version, removed: true });
    },
    setMailbox(mailbox: Record<string, unknown>) {
      options.mailbox = mailbox;
    },
    /** Access tokens stop working (as after an hour); refresh tokens still do. */
    expireAccessTokens: () => accessTokens.clear(),
    /** Every grant revoked (password reset, admin): only a new sign-in helps. */
    revokeGrants() {
      accessTokens.clear();
      refreshTokens.clear();
    },
    /** Delta links stop working (Graph's sync state expired): 410. */
    forgetSyncState: () => void generation++,
    approveDevice(userCode: string) {
      for (const d of devices.values()) if (d.userCode === userCode) d.approved = true;
    },
    close: server.close,
  };
}
