import { describe, expect, it } from 'vitest';
import { serverAddress } from '../../../main/sync/server-address';

describe('a server address as a person types it', () => {
  it('gets https:// for a company host, http:// for this computer, and says which', () => {
    expect(serverAddress('ricochet.acme.example')).toEqual({
      url: 'https://ricochet.acme.example',
      added: 'https://',
    });
    expect(serverAddress(' localhost:8787/ ')).toEqual({ url: 'http://localhost:8787', added: 'http://' });
    expect(serverAddress('127.0.0.1:18787')).toEqual({ url: 'http://127.0.0.1:18787', added: 'http://' });
    expect(serverAddress('https://ricochet.acme.example/')).toEqual({ url: 'https://ricochet.acme.example' });
  });

  it('refuses what is not an address, with an example of one', () => {
    expect(() => serverAddress('ftp://files.acme.example')).toThrow('it starts with http:// or https://');
    expect(() => serverAddress('not an address')).toThrow(
      '"not an address" is not a server address: write it like https://ricochet.example.com',
    );
  });
});
