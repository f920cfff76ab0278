import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DesktopCore } from '../../main/core/desktop-core';
import { ConfigFile } from '../../main/profile/config-file';
import { openStorage } from '../../server/db/connect';
import { createOrganisation } from '../../server/store/members';
import { freePort } from '../support/free-port';
import { spawnServer } from '../support/server-process';
import { client, storageFor } from '../support/team-server';

const bin = join(import.meta.dirname, '../../bin/ricochet.mjs');

/** A real team server in its own process, with a team and its admin (and what `setup` adds). */
export async function startTeam(
  setup?: (storage: Awaited<ReturnType<typeof openStorage>>, teamId: string) => Promise<unknown>,
) {
  const config = await storageFor('sqlite');
  const storage = await openStorage(config);
  const team = await createOrganisation(storage.db, {
    name: 'Acme',
    adminName: 'Ana',
    adminEmail: 'ana@acme.test',
  });
  await setup?.(storage, team.team.id);
  await storage.close();
  let server = await spawnServer(config);
  return {
    team,
    /** Where its data is: admin commands and stores open it beside the running server. */
    storage: config,
    get url() {
      return server.url;
    },
    admin: () => client(server.url, team.token),
    stop: () => server.kill('SIGTERM'),
    restart: async () => {
      server = await spawnServer(config, server.port);
    },
  };
}

/** A profile folder that has joined the team (through the same core the app uses). */
export async function joinedProfile(
  serverUrl: string,
  invite: string,
  name: string,
  setup?: (dir: string) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), `ricochet-e2e-${name.toLowerCase()}-`));
  setup?.(dir);
  const core = new DesktopCore(dir);
  await core.commands.join({
    server: serverUrl,
    invite,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@acme.test`,
  });
  core.close();
  return dir;
}

export const emptyProfile = () => mkdtempSync(join(tmpdir(), 'ricochet-e2e-new-'));

/** Always at work, in UTC: whatever the hour or day CI runs at, "now" is inside working hours. */
export const alwaysAtWork = (dir: string) =>
  void new ConfigFile(dir).update((c) => ({ ...c, tz: 'UTC', hours: 'mon-sun 00:00-24:00' }));

/** `ricochet web` for a profile: the browser mode, exactly as a person starts it. */
export async function startWeb(
  profile: string,
  extra: string[] = [],
  system: { lang?: string; env?: Record<string, string> } = {},
) {
  const port = await freePort();
  // The system's language is the process's locale (LANG), as on a person's computer.
  const lang = system.lang ?? 'en_GB.UTF-8';
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, 'web', '--profile', profile, '--port', String(port), ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: lang, LC_ALL: lang, ...system.env } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ricochet web did not start: ${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d;
      const match = /http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return {
    url,
    origin: `http://127.0.0.1:${port}/`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** An .ics file with meetings placed relative to now, so "today" always has some. */
export function calendarFile(events: { startInMinutes: number; minutes: number; summary?: string }[]) {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d+/g, '');
  const base = Math.floor(Date.now() / 60_000) * 60_000;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ricochet e2e//EN'];
  events.forEach((e, i) =>
    lines.push(
      'BEGIN:VEVENT',
      `UID:e2e-${i}`,
      `DTSTART:${stamp(base + e.startInMinutes * 60_000)}`,
      `DTEND:${stamp(base + (e.startInMinutes + e.minutes) * 60_000)}`,
      `SUMMARY:${e.summary ?? 'Meeting'}`,
      'END:VEVENT',
    ),
  );
  lines.push('END:VCALENDAR');
  const file = join(mkdtempSync(join(tmpdir(), 'ricochet-ics-')), 'work.ics');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}
