import { networkProblem } from '../../network/network-problem';
import type { z } from 'zod';

/** A grant the provider no longer honours (revoked, expired, password changed): only a new sign-in helps. */
export class SignInAgainError extends Error {
  readonly signInAgain = true;
  constructor(provider: string, reason: string) {
    super(`sign in again to ${provider}: ${reason}`);
  }
}

/** The provider forgot where a delta or sync token left off (HTTP 410): read everything again. */
export class StartAgainError extends Error {}

/** Where the calendar API's access tokens come from; `fresh` asks for a new one (after a 401). */
export interface AccessTokens {
  accessToken(fresh?: boolean): Promise<string>;
}

export interface ProviderHttpOptions {
  /** "Microsoft 365", "Google": how messages name the service. */
  provider: string;
  tokens: AccessTokens;
  headers?: Record<string, string>;
  /** Waits for 429 and 503 before giving up on this reading (the last good one stays). */
  maxWaits?: number;
  /** The longest Retry-After honoured, in ms: past it, this reading fails and the next poll tries. */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** Counts every request, for the benchmarks and tests (one per poll with nothing new). */
  onRequest?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_BYTES = 20 * 1024 * 1024;

/** Retry-After in seconds or as an HTTP date; 5 s when the server did not say. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 5_000;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 5_000 : Math.max(0, at - now);
}

/**
 * GETs a JSON document from a calendar API as a careful client does: the bearer token, one
 * fresh token after a 401 and then "sign in again", 429 and 503 waited for as Retry-After says,
 * a size cap, and the answer checked against its schema (a clear error names what is wrong).
 */
export async function getJson<T extends z.ZodType>(
  url: string,
  schema: T,
  options: ProviderHttpOptions,
): Promise<z.infer<T>> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let refreshed = false;
  let waits = 0;
  for (;;) {
    const token = await options.tokens.accessToken(refreshed);
    options.onRequest?.();
    let response: Response;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...options.headers },
        signal,
      });
    } catch (error) {
      const reason = signal.aborted
        ? `no answer within ${timeoutMs / 1000} s`
        : (networkProblem(url, error) ?? causeOf(error));
      throw new Error(`cannot reach ${options.provider} (${new URL(url).host}): ${reason}`, { cause: error });
    }
    if (response.status === 401) {
      await response.body?.cancel();
      if (refreshed) throw new SignInAgainError(options.provider, 'it refused a fresh access token');
      refreshed = true;
      continue;
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel();
      const wait = retryAfterMs(response.headers.get('retry-after'));
      if (waits >= (options.maxWaits ?? 4) || wait > (options.maxWaitMs ?? 120_000))
        throw new Error(`${options.provider} is busy (HTTP ${response.status}): read again later`);
      waits++;
      await sleep(wait);
      continue;
    }
    if (response.status === 410) {
      await response.body?.cancel();
      throw new StartAgainError(`${options.provider} asked to read everything again (HTTP 410)`);
    }
    const text = await readCapped(response, options.provider);
    // Google also says "slow down" as a 403 with rateLimitExceeded: back off 1 s, 2 s, 4 s…
    if (response.status === 403 && /"(user)?[rR]ateLimitExceeded"/.test(text)) {
      if (waits >= (options.maxWaits ?? 4))
        throw new Error(`${options.provider} is busy (rate limit): read again later`);
      await sleep(1000 * 2 ** waits++);
      continue;
    }
    if (!response.ok)
      throw new Error(`${options.provider} answered HTTP ${response.status}${errorMessage(text)}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${options.provider} answered something that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${options.provider} answered in a form Ricochet does not read (${issue?.path.join('.') || 'the answer'}: ${issue?.message})`,
      );
    }
    return parsed.data;
  }
}

/** The reason a provider gives in its JSON error body (Graph and Google both use error.message). */
function errorMessage(text: string): string {
  const match = /"message"\s*:\s*"([^"]{1,200})"/.exec(text);
  return match ? `: ${match[1]}` : '';
}

/**
 * Why a request never got an answer, in words: fetch says only "fetch failed", its cause says
 * what (refused, a name not found, a certificate this computer does not trust).
 */
export function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code))
    return `its certificate is not trusted here (${code}): a company CA is added with NODE_EXTRA_CA_CERTS`;
  return cause?.message ?? code ?? (error as Error).message;
}

async function readCapped(response: Response, provider: string): Promise<string> {
  // A declared length within the cap is read in one piece; otherwise chunk by chunk, counted.
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_BYTES) {
    await response.body?.cancel();
    throw new Error(`${provider} sent an answer larger than 20 MB`);
  }
  if (declared >= 0 && !response.headers.get('content-encoding')) return response.text();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) throw new Error(`${provider} sent an answer larger than 20 MB`);
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
