// A person in two teams of one organisation, in the browser mode: the board shows both teams'
// people once, a switch shows one team (and is remembered), and both stay live.
import { expect, test } from './shared-clock';
import { openStorage } from '../../server/db/connect';
import { createGroup, setInGroup } from '../../server/store/groups';
import { createInvite, createOrganisation } from '../../server/store/members';
import { spawnServer } from '../support/server-process';
import { client, storageFor } from '../support/team-server';
import { alwaysAtWork, joinedProfile, startWeb } from './fixtures';

test('two teams on one board: all of them once, one at a time, remembered, live', async ({ page }) => {
  test.setTimeout(90_000);
  const config = await storageFor('sqlite');
  const storage = await openStorage(config);
  const org = await createOrganisation(storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'ana@acme.test',
  });
  const squad = await createGroup(storage.db, org.team.id, 'Squad');
  const chapter = await createGroup(storage.db, org.team.id, 'Chapter');
  const project = await createGroup(storage.db, org.team.id, 'Project');
  const into = async (groupId: string) => (await createInvite(storage.db, org.team.id, { groupId })).code;
  const [squadInvite, chapterInvite, projectInvite] = [
    await into(squad.id),
    await into(chapter.id),
    await into(project.id),
  ];
  const server = await spawnServer(config);
  const join = async (name: string, code: string) =>
    (await client(server.url)('POST', '/v1/join', { code, name, email: `${name}@acme.test` })).body;
  const dan = await join('Dan', squadInvite);
  const eve = await join('Eve', chapterInvite);
  const zoe = await join('Zoe', projectInvite);
  await client(server.url, zoe.token)('PATCH', '/v1/me', { role: 'Accessibility designer' });
  await client(server.url, zoe.token)('PUT', '/v1/me/status', { state: 'focus', text: 'contrast audit' });
  const profile = await joinedProfile(server.url, squadInvite, 'Viewer', alwaysAtWork);
  const viewer = (
    await storage.db.selectFrom('members').select('id').where('name', '=', 'Viewer').executeTakeFirstOrThrow()
  ).id;
  await setInGroup(storage.db, chapter.id, viewer, true);
  await storage.close();
  const web = await startWeb(profile);
  try {
    await page.setViewportSize({ width: 440, height: 640 }); // the tray popover
    await page.goto(web.url);
    const board = page.getByRole('list', { name: 'Team', exact: true });
    await expect(board.getByTestId('member-Eve')).toBeVisible();
    // Everyone in my two teams, me once; Ana, in neither, is not on it.
    await expect(board.getByRole('listitem')).toHaveCount(3);
    for (const name of ['Dan', 'Eve', 'Viewer'])
      await expect(board.getByTestId(`member-${name}`)).toBeVisible();
    await expect(board.getByTestId('member-Ana')).toHaveCount(0);
    const pick = page.getByRole('combobox', { name: 'Team', exact: true });
    await expect(pick.locator('option')).toHaveText(['All my teams (3)', 'Chapter (2)', 'Squad (2)']);

    await pick.selectOption({ label: 'Squad (2)' });
    await expect(board.getByTestId('member-Eve')).toHaveCount(0);
    await expect(board.getByRole('listitem')).toHaveCount(2);
    await expect(board.getByTestId('member-Dan')).toBeVisible();
    // Remembered: the board opens on the squad again.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Team', exact: true })).toHaveValue(squad.id);
    await expect(board.getByRole('listitem')).toHaveCount(2);

    // Back to all: a change in the other team shows live.
    await page
      .getByRole('combobox', { name: 'Team', exact: true })
      .selectOption({ label: 'All my teams (3)' });
    await expect(board.getByTestId('member-Eve')).toBeVisible();
    await client(server.url, eve.token)('PUT', '/v1/me/status', { state: 'focus', text: 'writing the spec' });
    await expect(board.getByTestId('member-Eve')).toContainText('writing the spec');

    // "Who knows about accessibility?" reaches the whole organisation: Zoe, in a team I am not
    // in, is found and starred; she joins my board with her status, then leaves it unstarred.
    await page.getByRole('searchbox').fill('accessib');
    const found = page.getByTestId('elsewhere-Zoe');
    await expect(found).toContainText('Accessibility designer · in Project');
    await found.getByRole('button', { name: 'Star' }).click();
    await expect(board.getByTestId('member-Zoe')).toContainText('contrast audit');
    await expect(board.getByTestId('member-Zoe')).toContainText('starred');
    await expect(found).toHaveCount(0);
    await page.getByRole('searchbox').fill('');
    await expect(
      page.getByRole('combobox', { name: 'Team', exact: true }).locator('option').first(),
    ).toHaveText('All my teams (4)');
    await board.getByRole('button', { name: /^Zoe/ }).click();
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unstar' }).click();
    await expect(board.getByTestId('member-Zoe')).toHaveCount(0);

    // The feed, by team: one team's posts, or all of my teams'.
    const post = (token: string, text: string) =>
      client(server.url, token)('POST', '/v1/posts', { id: crypto.randomUUID(), text });
    await post(dan.token, 'Squad: release train on Thursday');
    await post(eve.token, 'Chapter: style guide review');
    await page.getByRole('button', { name: 'Feed' }).click();
    const feed = page.locator('ol.feed > li');
    await expect(feed).toHaveCount(2);
    const from = page.getByRole('combobox', { name: 'Posts from' });
    await expect(from.locator('option')).toHaveText(['All my teams', 'Chapter', 'Squad']);
    await from.selectOption({ label: 'Squad' });
    await expect(feed).toHaveCount(1);
    await expect(feed).toContainText('release train');
    await from.selectOption({ label: 'Chapter' });
    await expect(feed).toHaveText([/style guide review/]);
    await from.selectOption({ label: 'All my teams' });
    await expect(feed).toHaveCount(2);

    // @mentions reach the whole organisation: Zoe, in none of my teams and no longer starred,
    // is suggested and named, and the post reaches her.
    const input = page.getByRole('combobox', { name: 'Quick post' });
    await input.fill('@Zo');
    const suggested = page.getByRole('listbox', { name: 'People to mention' });
    await expect(suggested.getByRole('option')).toHaveText(['Zoe']);
    // Her presence does not reach me: the card says why, not "calendar not shared".
    await expect(page.getByTestId('person-context')).toContainText('In none of your teams');
    await input.press('Tab');
    await expect(input).toHaveValue('@Zoe ');
    await input.pressSequentially('can you review the contrast?');
    await input.press('Enter');
    await expect(feed.first()).toContainText('@Zoe can you review the contrast?');
    await expect
      .poll(async () =>
        ((await client(server.url, zoe.token)('GET', '/v1/posts')).body.posts as { text: string }[]).map(
          (p) => p.text,
        ),
      )
      .toContain('@Zoe can you review the contrast?');
  } finally {
    await web.stop();
    await server.kill('SIGTERM');
  }
});
