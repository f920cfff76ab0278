import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { joinedProfile, startTeam } from './fixtures';

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary)
  console.warn(
    'skipping the Electron smoke test: no Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1; reinstall electron without it to run this test)',
  );

test.describe('the Electron app', () => {
  // Electron's binary is downloaded from outside the npm registry, which these machines cannot reach.
  test.skip(!binary, 'no Electron binary on this machine');

  test('launches, opens the board from the tray and posts to a real server', async () => {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
    const team = await startTeam();
    const profile = await joinedProfile(team.url, team.team.invite, 'Eve');
    const app = await electron.launch({
      args: ['out/main/index.js'],
      env: { ...process.env, RICOCHET_PROFILE: profile, RICOCHET_OPEN_BOARD: '1' },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Ricochet' })).toBeVisible();
      await window.getByRole('button', { name: 'Feed' }).click();
      await window.getByLabel('Quick post').fill('hello from the desktop app');
      await window.getByLabel('Quick post').press('Enter');
      await expect
        .poll(async () =>
          (await team.admin()('GET', '/v1/posts')).body.posts.map((p: { text: string }) => p.text),
        )
        .toContain('hello from the desktop app');
    } finally {
      await app.close();
      await team.stop();
    }
  });
});
