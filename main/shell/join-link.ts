/** ricochet://join?server=https://…&code=… → the join flow's inputs, or why not. */
export function parseJoinLink(link: string): { server: string; code: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { error: 'not a link' };
  }
  if (url.protocol !== 'ricochet:') return { error: 'not a ricochet:// link' };
  if ((url.hostname || url.pathname.replace(/^\/+/, '')) !== 'join')
    return { error: 'only ricochet://join links are known' };
  const server = url.searchParams.get('server') ?? '';
  const code = url.searchParams.get('code') ?? '';
  if (!/^https?:\/\//.test(server)) return { error: 'the link has no http(s) server address' };
  if (!/^[\w-]{8,100}$/.test(code)) return { error: 'the link has no valid invite code' };
  return { server: new URL(server).toString().replace(/\/$/, ''), code };
}

/** The ricochet:// link among a second instance's command-line arguments (Windows, Linux). */
export const linkInArgs = (argv: readonly string[]) => argv.find((a) => a.startsWith('ricochet://'));
