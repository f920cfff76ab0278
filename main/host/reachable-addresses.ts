import type { NetworkInterfaceInfo } from 'node:os';

export interface Reachable {
  /** The address teammates should use, first the most likely LAN one. */
  address: string;
  /** The network interface it belongs to ("en0", "wlan0"), so the person can tell them apart. */
  via: string;
}

const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);

/**
 * The addresses at which teammates can reach a server bound to `host`: a server on every
 * interface (0.0.0.0) is reached through this computer's LAN addresses, never 0.0.0.0 or
 * loopback; a loopback server only from this computer.
 */
export function reachableAddresses(
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): Reachable[] {
  if (host !== '0.0.0.0') return [{ address: host, via: host.startsWith('127.') ? 'this computer' : host }];
  const found: Reachable[] = [];
  for (const [name, infos] of Object.entries(interfaces))
    for (const info of infos ?? [])
      if (info.family === 'IPv4' && !info.internal) found.push({ address: info.address, via: name });
  found.sort((a, b) => Number(isPrivate(b.address)) - Number(isPrivate(a.address)));
  return found.length > 0 ? found : [{ address: '127.0.0.1', via: 'this computer (no network found)' }];
}
