import { describe, expect, it } from 'vitest';
import { reachableAddresses } from '../../../main/host/reachable-addresses';

const nic = (address: string, internal = false) => ({
  address,
  internal,
  family: 'IPv4' as const,
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:00',
  cidr: null,
});

describe('the address an invite link carries', () => {
  it('a team shared on the network is reached at a LAN address, never 0.0.0.0 or loopback', () => {
    const found = reachableAddresses('0.0.0.0', {
      lo: [nic('127.0.0.1', true)],
      docker0: [nic('100.64.0.1')],
      wlan0: [nic('192.168.1.20')],
    });
    expect(found[0]).toEqual({ address: '192.168.1.20', via: 'wlan0' });
    expect(found.map((f) => f.address)).toEqual(['192.168.1.20', '100.64.0.1']);
  });

  it('a team kept on this computer is at loopback, said so', () => {
    expect(reachableAddresses('127.0.0.1', {})).toEqual([{ address: '127.0.0.1', via: 'this computer' }]);
  });
});
