// Updates from the team's server: checked at start and every few hours, downloaded in the
// background, offered as "Restart to update", never installed while a post is being typed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppUpdates, updateFeed, type UpdateState } from '../../../main/shell/app-updates';
import { fakeElectron } from '../../support/fake-electron';

function setUp(feed: string | null = 'https://team.acme.test/updates/') {
  const { updater } = fakeElectron({ userData: '/tmp/unused' });
  const seen: UpdateState[] = [];
  const logged: string[] = [];
  let typing = false;
  let url = feed ?? undefined;
  const updates = createAppUpdates({
    updater,
    feedUrl: () => url,
    typing: () => typing,
    onChange: (state) => seen.push(state),
    log: (m) => logged.push(m),
    everyMs: 1000,
  });
  return {
    updater,
    updates,
    seen,
    logged,
    type: (on: boolean) => (typing = on),
    point: (to: string | undefined) => (url = to),
  };
}

afterEach(() => vi.useRealTimers());

describe('updates from the team server', () => {
  it('checks the team server’s folder at start and again every few hours, downloading by itself', async () => {
    vi.useFakeTimers();
    const { updater, updates } = setUp();
    updates.start();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://team.acme.test/updates/' }]);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(updater.checks).toBe(4);
    updates.stop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(updater.checks).toBe(4);
  });

  it('found, downloaded, then "Restart to update" installs it; not while a post is being typed', () => {
    const { updater, updates, seen, type } = setUp();
    expect(updates.restart()).toBe(false); // nothing ready
    updater.emit('update-available', { version: '0.2.0' });
    expect(updates.state).toEqual({ kind: 'downloading', version: '0.2.0' });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(seen.at(-1)).toEqual({ kind: 'ready', version: '0.2.0' });
    type(true);
    expect(updates.restart()).toBe(false);
    expect(updater.installs).toBe(0);
    type(false);
    expect(updates.restart()).toBe(true);
    expect(updater.installs).toBe(1);
  });

  it('a failed check is logged and leaves a ready update offered', async () => {
    const { updater, updates, logged } = setUp();
    updater.emit('error', new Error('net::ERR_PROXY_CONNECTION_FAILED'));
    expect(updates.state).toEqual({ kind: 'failed', message: 'net::ERR_PROXY_CONNECTION_FAILED' });
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.emit('error', new Error('503'));
    expect(updates.state).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(logged).toEqual([
      'update check failed: net::ERR_PROXY_CONNECTION_FAILED',
      'update check failed: 503',
    ]);
    await updates.check();
    expect(updater.checks).toBe(0); // a ready update is not downloaded again
  });

  it('signed out there is nothing to check; once signed in, the team server is asked', async () => {
    const { updater, updates, point } = setUp(null);
    await updates.check();
    expect(updater.checks).toBe(0);
    point('https://other.acme.test/updates/');
    await updates.check();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://other.acme.test/updates/' }]);
    expect(updater.checks).toBe(1);
  });

  it('the feed: the team server’s /updates/, or the one IT sets', () => {
    expect(updateFeed('https://team.acme.test/', {})).toBe('https://team.acme.test/updates/');
    expect(updateFeed(undefined, {})).toBeUndefined();
    expect(
      updateFeed('https://team.acme.test', { RICOCHET_UPDATE_URL: 'https://it.acme.test/ricochet' }),
    ).toBe('https://it.acme.test/ricochet/');
  });
});
