import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { DesktopCore } from '../../main/core/desktop-core';
import { createInvite } from '../../server/store/members';
import { chromiumPath } from '../support/chromium';
import { bigTeam } from '../support/seed-team';
import { spawnServer } from '../support/server-process';
import { client } from '../support/team-server';
import { emptyProfile, startWeb } from '../e2e/fixtures';
import { buildWeb } from '../../build/build-web.mjs';
import { medianMs, round, type Benchmark } from './bench-kit';

/** The board in Debian's Chromium with 500 members: first render, and one live update. */
export const benchmark: Benchmark = {
  suite: 'board in the browser',
  async run() {
    const { config, storage, team } = await bigTeam();
    const { code } = await createInvite(storage.db, team.team.id, {});
    await storage.close();
    const server = await spawnServer(config, undefined, ['--rate-limit', '10000/1000']);
    const profile = emptyProfile();
    const core = new DesktopCore(profile);
    await core.commands.join({ server: server.url, invite: code, name: 'Viewer', email: 'viewer@big.test' });
    core.close();
    await buildWeb();
    const web = await startWeb(profile);
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage();

    // The bare page is a page *load* like the board's (the same navigation from a blank page,
    // over HTTP on loopback), of 501 plain list items: what any page showing the team costs.
    const names = Array.from(
      { length: 501 },
      (_, i) => `<li><strong>Member ${i}</strong> <span>Free</span></li>`,
    ).join('');
    const html = `<!doctype html><meta charset="utf-8"><title>bare</title><ul>${names}</ul>`;
    const plain = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;
    const bare = await medianMs(
      async () => {
        await page.goto('about:blank');
        await page.goto(plainUrl);
        await page.locator('li').nth(500).waitFor();
      },
      5,
      1,
    );
    plain.close();

    const first = await medianMs(
      async () => {
        await page.goto('about:blank');
        await page.goto(web.url);
        await page.getByTestId('member-Member 0').waitFor({ timeout: 60_000 });
      },
      5,
      1,
    );

    const admin = client(server.url, team.token);
    let n = 0;
    const update = await medianMs(
      async () => {
        const text = `bench update ${++n}`;
        await admin('PUT', '/v1/me/status', { state: 'focus', text });
        // The one-line row carries the status in its hover text (details open on demand).
        await page.locator(`[title*="${text}"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      },
      7,
      1,
    );

    await browser.close();
    await web.stop();
    await server.kill('SIGTERM');
    const suite = this.suite;
    return [
      { suite, name: 'bare page load: 501 plain list items over HTTP', value: round(bare, 1), unit: 'ms' },
      {
        suite,
        name: 'board first screen, 501-member team (load, bridge, cache read, React, windowed)',
        value: round(first, 0),
        unit: 'ms',
        ratio: round(first / bare, 2),
        baseline: 'bare page load',
        target: '≤ 2×',
        pass: first / bare <= 2,
      },
      {
        suite,
        name: 'one status change: server → stream → cache → board on screen',
        value: round(update, 0),
        unit: 'ms',
        ratio: round(update / bare, 2),
        baseline: 'bare page load',
        target: '≤ 1×',
        pass: update / bare <= 1,
      },
    ];
  },
};
