import * as oidc from 'openid-client';
import { z } from 'zod';
import { ssoStartQuery, ssoTokenBody } from '../../../shared/protocol/schemas';
import { ssoAvailableResponse, ssoRenewResponse, ssoTokenResponse } from '../../../shared/protocol/responses';
import { ApiError } from '../../store/api-error';
import { selfOf } from '../../store/members';
import {
  beginLogin,
  endSession,
  extendSession,
  handOff,
  personSigningIn,
  redeemHandoff,
  sessionOf,
  ssoConfig,
  ssoOrganisation,
  takeLogin,
  type SsoConfig,
} from '../../store/single-sign-on';
import { bearerToken } from '../bearer';
import { FailureLimit, guessable } from '../rate-limit';
import { answers, errors, publicRoute } from '../route-docs';
import type { RouteKit } from './route-kit';

const callbackQuery = z.looseObject({
  state: z.string().max(200).optional(),
  code: z.string().max(2_000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1_000).optional(),
});

/** Only a native app's loopback address (RFC 8252 §7.3) may receive a sign-in's code. */
const loopback = (url: string) => /^http:\/\/(127\.0\.0\.1|\[::1\]|localhost):\d+\//.test(url);

const page = (text: string) =>
  `<!doctype html><meta charset="utf-8"><title>Ricochet</title><p>${text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;

/**
 * Sign in with the company's identity provider (OpenID Connect, through openid-client: discovery,
 * authorization code with PKCE, the ID token checked for issuer, audience, signature, nonce and
 * expiry). The desktop opens /v1/sso/start in the browser with its loopback address; the
 * provider comes back to /v1/sso/callback; the desktop receives a one-time code on its loopback
 * address and collects its token with its own PKCE verifier, so no token is ever in a URL.
 */
export function ssoRoutes({ app, context, mutate }: RouteKit) {
  const { db } = context.storage;
  const failures = new FailureLimit(20, 60_000);
  const providers = new Map<string, { at: number; provider: Promise<oidc.Configuration> }>();
  /** The provider's metadata and keys, discovered once every ten minutes. */
  const providerFor = (config: SsoConfig) => {
    const key = `${config.issuer} ${config.clientId}`;
    const cached = providers.get(key);
    if (cached && context.now() - cached.at < 600_000) return cached.provider;
    const provider = oidc.discovery(new URL(config.issuer), config.clientId, config.clientSecret);
    provider.catch(() => providers.delete(key));
    providers.set(key, { at: context.now(), provider });
    return provider;
  };

  app.get(
    '/v1/sso',
    {
      config: { public: true },
      schema: {
        ...publicRoute('whether people sign in here with an identity provider', {
          200: ssoAvailableResponse,
          400: errors[400],
          404: errors[404],
        }),
        querystring: z.object({ org: z.string().max(100).optional() }).strict(),
      },
    },
    async (request) => {
      const { orgId, config } = await ssoOrganisation(db, request.query.org);
      return { organisation: orgId, issuer: config.issuer };
    },
  );

  app.get(
    '/v1/sso/start',
    { config: { public: true }, schema: { hide: true, querystring: ssoStartQuery } },
    async (request, reply) => {
      const { redirect, state: desktopState, challenge, org } = request.query;
      if (!loopback(redirect))
        return reply
          .code(400)
          .type('text/html')
          .send(page('a sign-in can only return to this computer’s Ricochet'));
      const { orgId, config } = await ssoOrganisation(db, org);
      const provider = await providerFor(config);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const nonce = oidc.randomNonce();
      const state = oidc.randomState();
      const callback = `${request.protocol}://${request.host}/v1/sso/callback`;
      const back = new URL(redirect);
      back.searchParams.set('state', desktopState);
      await beginLogin(
        db,
        { orgId, state, codeVerifier, nonce, callback, redirect: back.href, challenge },
        context.now(),
      );
      const url = oidc.buildAuthorizationUrl(provider, {
        redirect_uri: callback,
        scope: 'openid email profile offline_access',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(config.prompt ? { prompt: config.prompt } : {}),
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/v1/sso/callback',
    { config: { public: true }, schema: { hide: true, querystring: callbackQuery } },
    async (request, reply) => {
      const login = request.query.state ? await takeLogin(db, request.query.state, context.now()) : null;
      if (!login)
        return reply
          .code(400)
          .type('text/html')
          .send(page('This sign-in has expired or was already used: start again from Ricochet.'));
      const back = (params: Record<string, string>) => {
        const url = new URL(login.redirect);
        for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
        return reply.redirect(url.href);
      };
      try {
        if (request.query.error)
          return back({
            error: request.query.error,
            error_description: request.query.error_description ?? 'the identity provider refused the sign-in',
          });
        const { config } = await ssoOrganisation(db, login.team_id);
        const tokens = await oidc.authorizationCodeGrant(
          await providerFor(config),
          new URL(request.url, login.callback),
          {
            pkceCodeVerifier: login.code_verifier,
            expectedState: request.query.state!,
            expectedNonce: login.nonce,
            idTokenExpected: true,
          },
        );
        const provider = await providerFor(config);
        let claims: Record<string, unknown> = tokens.claims()!;
        // Providers may leave the email out of the ID token and give it at UserInfo (checked
        // there against the ID token's subject).
        if (typeof claims['email'] !== 'string')
          claims = {
            ...claims,
            ...(await oidc.fetchUserInfo(provider, tokens.access_token, String(claims['sub']))),
          };
        const member = await mutate({
          org: login.team_id,
          store: () => personSigningIn(db, login.team_id, config, claims, context.now()),
        });
        return back({
          code: await handOff(db, member, login.challenge, tokens.refresh_token ?? null, context.now()),
        });
      } catch (error) {
        const reason =
          error instanceof ApiError
            ? error.message
            : `the sign-in could not be completed (${(error as Error).message})`;
        return back({ error: 'access_denied', error_description: reason });
      }
    },
  );

  app.post(
    '/v1/sso/token',
    {
      config: { public: true },
      schema: {
        ...publicRoute('collect the token of a single sign-on', {
          201: ssoTokenResponse,
          403: errors[403],
          429: errors[429],
        }),
        body: ssoTokenBody,
      },
    },
    async (request, reply) => {
      const signed = await guessable(failures, request, reply, 'failed sign-ins', () =>
        redeemHandoff(
          db,
          request.body,
          async (orgId) => (await ssoOrganisation(db, orgId)).config.tokenDays,
          context.now(),
        ),
      );
      context.tokens.remember(signed.token);
      return reply.code(201).send({ ...signed, member: selfOf(signed.member) });
    },
  );

  app.post(
    '/v1/sso/renew',
    {
      schema: {
        description: 'renew a token from single sign-on while the provider still accepts me',
        response: answers(ssoRenewResponse, 'its new end'),
      },
    },
    async (request) => {
      const session = await sessionOf(db, bearerToken(request)!);
      if (!session?.expires_at)
        throw new ApiError(400, 'not_sso', 'this token is not from single sign-on: it does not expire');
      const config = session.sso ? ssoConfig.parse(JSON.parse(session.sso)) : null;
      if (!config || !session.refresh_token) return { expiresAt: session.expires_at };
      try {
        const renewed = await oidc.refreshTokenGrant(await providerFor(config), session.refresh_token);
        return {
          expiresAt: await extendSession(
            db,
            session.hash,
            config.tokenDays,
            renewed.refresh_token ?? null,
            context.now(),
          ),
        };
      } catch (error) {
        if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
          // The provider no longer accepts the person: this token ends now and its streams close.
          await endSession(db, session.hash, context.now());
          throw new ApiError(
            401,
            'sign_in_again',
            'your company account no longer signs in here: sign in again',
          );
        }
        throw new ApiError(
          503,
          'provider_unreachable',
          `the identity provider did not answer: ${(error as Error).message}`,
        );
      }
    },
  );
}
