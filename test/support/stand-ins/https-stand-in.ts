import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCa } from '../test-ca';

/** What a stand-in can be told to do to its next requests, as the real services sometimes do. */
export interface Faults {
  /** The next N API requests answer 429 (or 503) with this Retry-After, in seconds. */
  throttle?: { count: number; status: 429 | 503; retryAfter: number };
}

/** An https server on 127.0.0.1 with the test CA's certificate; counts requests by path. */
export async function httpsStandIn(handle: (req: IncomingMessage, res: ServerResponse, url: URL) => unknown) {
  const { key, cert } = testCa();
  const requests: string[] = [];
  const server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://127.0.0.1`);
    requests.push(`${req.method} ${url.pathname}`);
    Promise.resolve(handle(req, res, url)).catch((error: Error) => {
      if (!res.headersSent) json(res, 500, { error: { code: 'standIn', message: error.message } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(body));
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/** RFC 7636: the challenge is the verifier's SHA-256, base64url. */
export const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export const opaque = (prefix: string) => `${prefix}.${randomBytes(24).toString('base64url')}`;

/** An RS256 key for ID tokens, published at the provider's JWKS address. */
export function signingKey(): { kid: string; privateKey: KeyObject; jwk: Record<string, string> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return { kid, privateKey, jwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } };
}

export function signJwt(
  claims: Record<string, unknown>,
  key: { kid: string; privateKey: KeyObject },
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** A fault that applies to this request, counted down. */
export function takeThrottle(faults: Faults): Faults['throttle'] | undefined {
  const t = faults.throttle;
  if (!t || t.count <= 0) return undefined;
  t.count--;
  return t;
}
