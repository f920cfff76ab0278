import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrganisation, runServer } from '../../server/index';
import { parseWorkingHours } from '../../shared/availability/working-hours';
import { settingsPatchShape } from '../../shared/settings/settings-schema';
import { isoInstant } from '../../shared/time/zoned-time';
import { nativeBinding } from '../cache/native-binding';
import type { DesktopCore } from '../core/desktop-core';
import { TeamApi } from '../sync/team-api';
import { IN_APP_SERVER } from './local-team';
import { demoAvailability, demoIcs, demoPostTimes, workingNow } from './demo-calendar';
import { v7 as uuidv7 } from 'uuid';
import { demoMe, demoPeople, type DemoPerson } from './demo-people';

export const DEMO_TEAM_NAME = 'Demo team (sample data)';
const folder = (core: DesktopCore) => join(core.dir, 'demo-team');
const calendarFile = (core: DesktopCore) => join(core.dir, 'demo-calendar.ics');
/** My own zone, hours, role and skills, kept while the demo lends me its own. */
const mineBefore = (core: DesktopCore) => join(core.dir, 'settings-before-demo.json');

/**
 * "Try it with a demo team": a team server on loopback, inside this process, holding ten
 * people over Paris and New York with realistic calendars, statuses and posts, made through
 * the same API real clients use. This profile joins it as Alex. Removable in one step.
 */
export async function startDemoTeam(core: DesktopCore, now = Date.now()) {
  if (core.reads.me) throw new Error('this profile is already in a team: leave it first');
  rmSync(folder(core), { recursive: true, force: true });
  const server = await runServer({
    ...IN_APP_SERVER,
    host: '127.0.0.1',
    port: 0,
    storage: { kind: 'sqlite', dataDir: folder(core), nativeBinding: nativeBinding() },
    // Its clock starts at `now` and runs (the same as the real one, unless a test sets the hour).
    now: (
      (started) => () =>
        now + (Date.now() - started)
    )(Date.now()),
  });
  try {
    const url = server.url;
    const team = await createOrganisation(
      server.context.storage.db,
      {
        name: DEMO_TEAM_NAME,
        adminName: demoMe.name,
        adminEmail: demoMe.email,
      },
      server.context.now(),
    );
    await Promise.all(
      demoPeople.map(async (person, i) => {
        const joined = await new TeamApi(url, undefined).join({
          code: team.invite,
          name: person.name,
          email: person.email,
        });
        await fill(new TeamApi(url, joined.token), person, i + 1, now);
      }),
    );
    writeFileSync(calendarFile(core), demoIcs(demoMe, now));
    if (!existsSync(mineBefore(core))) {
      const { tz, hours, role, skills } = core.reads.config;
      writeFileSync(mineBefore(core), JSON.stringify({ tz, hours, role, skills }));
    }
    await core.commands.updateSettings({
      tz: demoMe.tz,
      hours: demoMe.hours,
      role: demoMe.role,
      skills: demoMe.skills,
    });
    await core.commands.loginWithToken({ server: url, token: team.token });
    await core.commands.addCalendar({ location: calendarFile(core), name: 'Demo calendar' });
    await core.commands.post(demoMe.posts[0]!, now);
    core.commands.recordHosting({ host: '127.0.0.1', port: Number(new URL(url).port), demo: true });
    return { url, stop: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** One person's profile, availability, status and posts, through the API. */
async function fill(api: TeamApi, person: DemoPerson, seed: number, now: number) {
  await api.send({
    kind: 'profile',
    profile: {
      timezone: person.tz,
      workingHours: parseWorkingHours(person.hours),
      role: person.role,
      skills: person.skills,
    },
  });
  await api.send({ kind: 'availability', availability: demoAvailability(person, seed, now) });
  // A status only while they are at work: at 02:20 in New York, Jordan is off, not "away".
  if (person.status && workingNow(person, now))
    await api.send({
      kind: 'status',
      status: {
        state: person.status.state,
        text: person.status.text,
        emoji: person.status.emoji,
        // Ends on a quarter hour, as people set them.
        until: isoInstant(Math.ceil((now + person.status.minutes * 60_000) / 900_000) * 900_000),
      },
    });
  // Written over their last working hours: the id's UUID v7 time is the post's moment.
  const times = demoPostTimes(person, seed, now);
  for (const [i, text] of person.posts.entries())
    await api.send({ kind: 'post', id: uuidv7({ msecs: times[i]! }), text });
}

/** Removes the demo: leaves its team, stops its server, deletes its data and calendar. */
export async function removeDemoTeam(core: DesktopCore, stop?: () => Promise<void>) {
  const calendar = core.reads.config.calendars.find((c) => c.location === calendarFile(core));
  core.commands.leave();
  await stop?.();
  if (calendar) await core.commands.removeCalendar(calendar.id);
  rmSync(folder(core), { recursive: true, force: true });
  rmSync(calendarFile(core), { force: true });
  // The demo's zone, hours, role and skills go with it: mine come back.
  if (existsSync(mineBefore(core))) {
    let saved: unknown;
    try {
      saved = JSON.parse(readFileSync(mineBefore(core), 'utf8'));
    } catch {
      saved = undefined; // a damaged note: the demo's settings stay, as before this existed
    }
    const mine = settingsPatchShape.safeParse(saved);
    if (mine.success) await core.commands.updateSettings(mine.data);
    rmSync(mineBefore(core), { force: true });
  }
}
