import { proxyFor } from './company-network';

const unknownAuthority = new Set([
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** The first code in an error's chain of causes (fetch puts the reason in `cause`). */
function codeOf(error: unknown): { code?: string; message: string } {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e;) {
    if (e.code && e.code !== 'UND_ERR_SOCKET') return { code: e.code, message: e.message ?? '' };
    if (!e.cause) return { message: e.message ?? '' };
    e = e.cause as typeof e;
  }
  return { message: '' };
}

/**
 * What went wrong between here and `url` when it is the company network's doing, in words that
 * say what to do: a certificate this computer does not trust (a company's root that re-signs
 * TLS), a proxy that does not answer or refuses. Null for anything else.
 */
export function networkProblem(url: string | URL, error: unknown): string | null {
  const { code, message } = codeOf(error);
  const host = new URL(url).host;
  if (code && unknownAuthority.has(code))
    return `${host}: certificate signed by an unknown authority: set NODE_EXTRA_CA_CERTS to your company's root certificate (a .pem file from IT), or install it in the system's store`;
  if (code === 'CERT_HAS_EXPIRED') return `${host}: its certificate has expired`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `${host}: its certificate is for another name (${message})`;
  const proxy = proxyFor(url);
  if (!proxy) return null;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `the proxy ${new URL(proxy).host} does not answer (HTTPS_PROXY; NO_PROXY lists what goes direct)`;
  const refused = /Proxy response \((\d+)\)/.exec(message);
  if (refused)
    return `the proxy ${new URL(proxy).host} refused to connect to ${host} (HTTP ${refused[1]}): ask IT to allow it, or list it in NO_PROXY`;
  return null;
}
