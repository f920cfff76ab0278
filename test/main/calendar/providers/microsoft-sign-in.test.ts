import { afterEach, describe, expect, it } from 'vitest';
import {
  microsoftTokens,
  signInToMicrosoft,
} from '../../../../main/calendar/providers/sign-in/microsoft-sign-in';
import { microsoftStandIn } from '../../../support/stand-ins/microsoft-stand-in';
import { follow } from '../../../support/stand-ins/follow-browser.mjs';

let standIn: Awaited<ReturnType<typeof microsoftStandIn>> | undefined;
afterEach(async () => standIn?.close());

const browser = { kind: 'browser' as const, open: async (url: string) => void (await follow(url)) };

describe('signing in to Microsoft 365 (MSAL, PKCE, loopback redirect)', () => {
  it('signs in through the browser, keeps the account, and gets Graph tokens from the kept cache', async () => {
    standIn = await microsoftStandIn({ clientIds: ['app-1'] });
    const app = { clientId: 'app-1', authority: standIn.authority(), graph: standIn.url };
    const signedIn = await signInToMicrosoft(app, browser);
    expect(signedIn.account).toBe('ana@contoso.example');
    let cache = signedIn.secret;
    const tokens = microsoftTokens(app, { load: () => cache, save: (s) => void (cache = s) });
    expect(await tokens.accessToken()).toMatch(/graph/);
    standIn.expireAccessTokens();
    expect(await tokens.accessToken(true)).toMatch(/graph/);
    standIn.revokeGrants();
    await expect(tokens.accessToken(true)).rejects.toThrow(/sign in again to Microsoft 365/);
  });

  it.each([
    ['cancel', /you cancelled/],
    ['no-consent', /has not allowed this app .* ask your IT/],
  ] as const)('says what happened when %s', async (what, message) => {
    standIn = await microsoftStandIn({ clientIds: ['app-1'] });
    standIn.browserDoes(what);
    const app = { clientId: 'app-1', authority: standIn.authority(), graph: standIn.url };
    await expect(signInToMicrosoft(app, browser)).rejects.toThrow(message);
  });
});

describe('signing in to Microsoft 365 without a browser, or with a wrong app', () => {
  it('signs in with a device code shown to the person', async () => {
    standIn = await microsoftStandIn({ clientIds: ['app-1'] });
    const app = { clientId: 'app-1', authority: standIn.authority(), graph: standIn.url };
    const shown: string[] = [];
    const signedIn = await signInToMicrosoft(app, {
      kind: 'device-code',
      show: (message) => {
        shown.push(message);
        standIn!.approveDevice(/enter the code (\w+)/.exec(message)![1]!);
      },
    });
    expect(shown[0]).toMatch(/devicelogin and enter the code/);
    expect(signedIn.account).toBe('ana@contoso.example');
  });

  it('says the client id is wrong before opening a browser that would never come back', async () => {
    standIn = await microsoftStandIn({ clientIds: ['app-1'] });
    const opened: string[] = [];
    const app = { clientId: 'not-registered', authority: standIn.authority(), graph: standIn.url };
    await expect(
      signInToMicrosoft(app, { kind: 'browser', open: async (url) => void opened.push(url) }),
    ).rejects.toThrow(/does not know the app not-registered .* check --client-id/);
    expect(opened).toEqual([]);
  });
});
