import tls from 'node:tls';
import type { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';

/**
 * A company network: the proxy that is often the only way out, and the company's root
 * certificate that re-signs TLS on the way. One rule decides which connections go through the
 * proxy, curl's: HTTPS_PROXY / HTTP_PROXY, and NO_PROXY alone says what goes direct (with it
 * empty, everything goes through the proxy, loopback included). proxy-from-env reads it, for
 * every fetch (calendars, CalDAV, providers, the team server) and for the live stream alike.
 */
export function proxyFor(url: string | URL): string | null {
  return getProxyForUrl(String(url)) || null;
}

const proxyVariables = ['https_proxy', 'http_proxy', 'all_proxy'];
const anyProxy = (env: NodeJS.ProcessEnv) =>
  proxyVariables.some((name) => env[name] || env[name.toUpperCase()]);

/** Where a connection's proxy is decided: the environment (CLI, server) or Chromium (the app). */
let resolveProxy = async (url: string): Promise<string | null> => proxyFor(url);

/** The agent the live stream (ws) connects through: a CONNECT tunnel when a proxy applies. */
export async function streamAgent(url: string): Promise<HttpsProxyAgent<string> | undefined> {
  const proxy = await resolveProxy(url.replace(/^ws/, 'http'));
  // Loaded only where a proxy applies: most networks never need the tunnel's code.
  return proxy ? new (await import('https-proxy-agent')).HttpsProxyAgent(proxy) : undefined;
}

/**
 * A proxy as Chromium's resolveProxy answers it ("PROXY proxy.corp:8080; DIRECT", from the
 * system's settings or its PAC file), as an address; null for DIRECT. The first choice counts;
 * a SOCKS proxy is not one the stream can use, so it goes direct as the next choice would.
 */
export function chromiumProxy(rule: string): string | null {
  const first = rule.split(';')[0]?.trim() ?? '';
  const m = /^(PROXY|HTTPS)\s+(\S+)$/i.exec(first);
  if (!m) return null;
  return `${m[1]!.toUpperCase() === 'HTTPS' ? 'https' : 'http'}://${m[2]}`;
}

/**
 * The desktop app reaches the network with Chromium's stack: `net.fetch` for every request, and
 * the proxy Chromium resolves (system settings, PAC) for the live stream, so a company laptop
 * needs nothing set by hand. The OS certificate store as for the CLI, where Node can read it.
 */
export function useChromiumNetwork(chromium: {
  fetch: typeof fetch;
  resolveProxy: (url: string) => Promise<string>;
}) {
  trustSystemStore();
  globalThis.fetch = chromium.fetch;
  resolveProxy = async (url) => chromiumProxy(await chromium.resolveProxy(url));
}

let installed: { proxied: boolean; systemStore: boolean } | undefined;

/**
 * Makes this process reach the network as the company's does, once, at start (CLI, server,
 * browser mode). Where Node can read the operating system's certificate store (22.19 and later),
 * its certificates are trusted besides Node's own and NODE_EXTRA_CA_CERTS, as --use-system-ca
 * does; on older versions NODE_EXTRA_CA_CERTS names the company's root. With a proxy set, every
 * fetch goes through undici's own fetch with a dispatcher that follows `proxyFor` (the package's
 * fetch and its dispatchers, one version: mixing them with Node's built-in fetch breaks across
 * versions); without one, fetch is left as Node has it.
 */
export function useCompanyNetwork(env: NodeJS.ProcessEnv = process.env) {
  if (installed) return installed;
  const systemStore = trustSystemStore();
  const proxied = !!anyProxy(env);
  if (proxied) {
    // undici is loaded by the first request, not at start: a process may never fetch.
    let undici: Promise<typeof Undici> | undefined;
    let direct: Dispatcher | undefined;
    const viaProxy = new Map<string, Dispatcher>();
    const dispatcherFor = (u: typeof Undici, url: string): Dispatcher => {
      const proxy = proxyFor(url);
      if (!proxy) return (direct ??= new u.Agent());
      let agent = viaProxy.get(proxy);
      if (!agent) viaProxy.set(proxy, (agent = new u.ProxyAgent(proxy)));
      return agent;
    };
    const proxiedFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const u = await (undici ??= import('undici'));
      const url = input instanceof Request ? input.url : String(input);
      const request = input instanceof Request ? requestInit(input) : {};
      return u.fetch(url, { ...request, ...init, dispatcher: dispatcherFor(u, url) } as never);
    };
    globalThis.fetch = proxiedFetch as unknown as typeof fetch;
  }
  installed = { proxied, systemStore };
  return installed;
}

/** What a Request carries, for undici's fetch (which takes its own Request class). */
function requestInit(request: Request): RequestInit {
  return {
    method: request.method,
    headers: request.headers,
    redirect: request.redirect,
    signal: request.signal,
    ...(request.body ? { body: request.body, duplex: 'half' } : {}),
  } as RequestInit;
}

/** The OS's certificates besides Node's, where this Node can read them. */
function trustSystemStore(): boolean {
  const api = tls as unknown as {
    getCACertificates?: (kind: 'default' | 'system') => string[];
    setDefaultCACertificates?: (certs: string[]) => void;
  };
  if (!api.getCACertificates || !api.setDefaultCACertificates) return false;
  try {
    const system = api.getCACertificates('system');
    if (system.length === 0) return false;
    api.setDefaultCACertificates([...new Set([...api.getCACertificates('default'), ...system])]);
    return true;
  } catch {
    return false; // a store that cannot be read leaves Node's own trust as it was
  }
}
