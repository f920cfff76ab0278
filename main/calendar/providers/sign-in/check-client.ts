import { causeOf } from '../provider-http';

/**
 * Whether the provider knows the app before the browser opens: Microsoft and Google show an
 * unknown client id on their own page and never come back to the app, so the person would wait
 * for nothing. A token request with a code that cannot be valid tells the two apart without
 * side effects: an unknown app is refused as a client (`invalid_client`, `unauthorized_client`,
 * AADSTS700016), a known one for its code (`invalid_grant`). Anything else says nothing.
 */
export async function clientIsUnknown(
  tokenUrl: string,
  clientId: string,
  clientSecret?: string,
): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: 'ricochet-checks-the-app',
        redirect_uri: 'http://127.0.0.1/callback',
        code_verifier: 'ricochet-checks-the-app-ricochet-checks-the-app',
        ...(clientSecret ? { client_secret: clientSecret } : {}),
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Error(`cannot reach ${new URL(tokenUrl).host}: ${causeOf(error)}`, { cause: error });
  }
  const text = await response.text();
  return /"(invalid_client|unauthorized_client|deleted_client)"|AADSTS700016/.test(text);
}
