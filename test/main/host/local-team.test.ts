import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { startLocalTeam } from '../../../main/host/local-team';
import { parseJoinLink } from '../../../main/shell/join-link';
import { freePort } from '../../support/free-port';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('start a team on this computer', () => {
  it('hosts the server in-process, makes me its admin, and gives an invite link that works', async () => {
    const host = new DesktopCore(mkdtempSync(join(tmpdir(), 'ricochet-host-')));
    cleanup.push(() => host.close());
    const team = await startLocalTeam(host, {
      teamName: 'Atelier',
      name: 'Ana',
      email: 'ana@atelier.test',
      port: await freePort(),
    });
    cleanup.push(team.stop);
    expect(host.reads.me?.name).toBe('Ana');
    const link = parseJoinLink(team.link);
    expect(link).toEqual({ server: team.server, code: team.invite });

    const guest = new DesktopCore(mkdtempSync(join(tmpdir(), 'ricochet-guest-')));
    cleanup.push(() => guest.close());
    await guest.commands.join({
      server: team.server,
      invite: team.invite,
      name: 'Bob',
      email: 'bob@atelier.test',
    });
    expect(guest.reads.board().map((m) => m.name)).toEqual(['Ana', 'Bob']);

    // Revoked from Settings: the link stops working for the next person.
    await host.commands.revokeInvite(team.invite);
    const late = new DesktopCore(mkdtempSync(join(tmpdir(), 'ricochet-late-')));
    cleanup.push(() => late.close());
    await expect(
      late.commands.join({
        server: team.server,
        invite: team.invite,
        name: 'Cleo',
        email: 'cleo@atelier.test',
      }),
    ).rejects.toThrow('not valid');
  });
});
