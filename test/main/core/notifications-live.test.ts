// Notifications mean now: a new device that reads the history (mentions, answered asks) raises
// none; a mention that arrives while it is in use raises one. With a real team server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../../main/core/desktop-core';
import { ConfigFile } from '../../../main/profile/config-file';
import { FileSecretStore } from '../../../main/profile/secret-store';
import { createOrganisation, runServer } from '../../../server/index';
import { parseInstant } from '../../../shared/time/zoned-time';
import { freePort } from '../../support/free-port';

// Tuesday 10:15 in Paris: working hours, so asks are delivered at once.
const clock = parseInstant('2026-03-10T09:15:00Z');
let server: Awaited<ReturnType<typeof runServer>>;
const cores: DesktopCore[] = [];

function device(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `ricochet-notify-${name}-`));
  new ConfigFile(dir).update((c) => ({ ...c, tz: 'Europe/Paris', hours: 'mon-fri 09:00-18:00' }));
  const core = new DesktopCore(dir);
  const events: string[] = [];
  for (const kind of ['ask', 'answer', 'mention'] as const) core.on(kind, () => events.push(kind));
  cores.push(core);
  return { core, dir, events };
}

let url: string;
let ana: ReturnType<typeof device>;
let zoe: ReturnType<typeof device>;

beforeAll(async () => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ricochet-notify-server-'));
  server = await runServer({
    host: '127.0.0.1',
    port,
    storage: { kind: 'sqlite', dataDir },
    now: () => clock,
    perRecipient: 100, // 20 mentions of one person at once: the history this test needs
  });
  url = `http://127.0.0.1:${port}`;
  const team = await createOrganisation(server.context.storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'ana@acme.test',
  });
  ana = device('ana');
  await ana.core.commands.loginWithToken({ server: url, token: team.token });
  zoe = device('zoe');
  await zoe.core.commands.join({ server: url, invite: team.invite, name: 'Zoe', email: 'zoe@acme.test' });
  await ana.core.commands.sync();
  for (let i = 0; i < 20; i++) await ana.core.commands.post(`note ${i} for @zoe`, clock);
  for (let i = 0; i < 3; i++) await zoe.core.commands.post(`/ask @ana question ${i}?`, clock);
  await ana.core.commands.sync();
  for (const ask of ana.core.reads.asks().filter((a) => a.to === ana.core.reads.me?.id))
    await ana.core.commands.updateAsk(ask.id, { action: 'answer', text: 'yes' });
  await ana.core.commands.sync();
});

afterAll(async () => {
  for (const core of cores) core.close();
  await server?.close();
});

describe('notifications mean now', () => {
  it('a new device reads 20 mentions and 3 answered asks without one notification; a live mention notifies', async () => {
    const second = device('zoe-laptop');
    const token = new FileSecretStore(zoe.dir).get('token')!;
    await second.core.commands.loginWithToken({ server: url, token });
    await second.core.commands.sync();
    // The history is there (the feed and the asks list show it) ...
    expect(second.core.reads.feed({ limit: 50 }).filter((p) => p.text.includes('@zoe'))).toHaveLength(20);
    expect(second.core.reads.asks().filter((a) => a.state === 'answered')).toHaveLength(3);
    // ... and raised nothing.
    expect(second.events).toEqual([]);
    await ana.core.commands.post('one more for @zoe', clock);
    await second.core.commands.sync();
    expect(second.events).toEqual(['mention']);
  });
});
