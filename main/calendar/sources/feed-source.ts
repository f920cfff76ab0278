import { networkProblem } from '../../network/network-problem';
import type { CalendarSource } from './calendar-source';

export const FEED_MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export interface FeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/** webcal:// is https:// by another name (Apple, Outlook and Google publish it so). */
export function feedUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw new Error(`not a calendar address: ${address}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`unsupported address ${url.protocol}// (use https://, http:// or webcal://)`);
  }
  return url;
}

/** A name for warnings that never shows the secret part of a "secret address". */
function displayName(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  return parts.length <= 1 ? `${url.host}${url.pathname}` : `${url.host}/…/${parts.at(-1)}`;
}

/**
 * An ICS feed over HTTP(S): conditional requests (ETag, Last-Modified), a timeout, at most
 * five redirects, and a size cap. A failure throws; the engine keeps the last good data.
 */
export class FeedSource implements CalendarSource {
  readonly name: string;
  private readonly url: URL;
  private last: { text: string; etag: string | null; lastModified: string | null } | undefined;
  requests = 0;
  notModified = 0;

  constructor(
    address: string,
    private readonly options: FeedOptions = {},
  ) {
    this.url = feedUrl(address);
    this.name = displayName(this.url);
  }

  async read(): Promise<string> {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    if (this.last?.etag) headers['if-none-match'] = this.last.etag;
    if (this.last?.lastModified) headers['if-modified-since'] = this.last.lastModified;
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const signal = AbortSignal.timeout(timeoutMs);
    let url = this.url;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        this.requests++;
        response = await fetch(url, { headers, redirect: 'manual', signal });
      } catch (error) {
        const reason = signal.aborted
          ? `no answer within ${timeoutMs / 1000} s`
          : (networkProblem(url, error) ?? (error as Error).message);
        throw new Error(`cannot fetch the feed: ${reason}`, { cause: error });
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) throw new Error(`the feed answered ${response.status} without a Location`);
        if (hop + 1 > MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
        url = feedUrl(new URL(location, url).toString());
        continue;
      }
      if (response.status === 304 && this.last) {
        this.notModified++;
        return this.last.text;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`the feed answered HTTP ${response.status}`);
      }
      const text = await readCapped(response, this.options.maxBytes ?? FEED_MAX_BYTES);
      this.last = {
        text,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
      return text;
    }
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new Error(`the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`the feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
