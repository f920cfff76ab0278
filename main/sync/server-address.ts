import { TeamApiError } from './team-api';

/** Hosts on this computer: a team hosted here is plain HTTP on loopback. */
const LOCAL = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i;

/**
 * A team server's address as a person types it. Without a scheme it gets one (https, or http
 * for this computer) and `added` says which, so the person is told rather than refused with
 * "Invalid URL". What still is not an address is refused with an example of one.
 */
export function serverAddress(input: string): { url: string; added?: 'https://' | 'http://' } {
  const typed = input.trim();
  const added = /^[a-z][a-z\d+.-]*:\/\//i.test(typed)
    ? undefined
    : LOCAL.test(typed)
      ? 'http://'
      : 'https://';
  const text = `${added ?? ''}${typed}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TeamApiError(
      0,
      `"${input}" is not a server address: write it like https://ricochet.example.com`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TeamApiError(0, `"${input}" is not a server address: it starts with http:// or https://`);
  return { url: url.toString().replace(/\/$/, ''), ...(added ? { added } : {}) };
}
