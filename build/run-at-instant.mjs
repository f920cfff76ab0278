#!/usr/bin/env node
// Runs a command with every process's clock moved to a named instant (Debian's faketime with a
// relative offset, so child processes, servers and browsers all share one clock that keeps
// ticking). A test that depends on "now" without fixing it fails here on any day of the week.
//
//   node build/run-at-instant.mjs saturday-night -- npx vitest run
//   node build/run-at-instant.mjs all -- npx vitest run
//   node build/run-at-instant.mjs 2027-03-28T00:45:00Z -- npx playwright test
import { spawnSync } from 'node:child_process';

/** The instants that broke the suite before: a weekend evening, a DST night, New Year's Eve, a week's end. */
export const hardInstants = {
  'saturday-night': '2026-12-05T23:30:00Z',
  // Europe springs forward at 01:00 UTC on the last Sunday of March: 00:45 UTC is 01:45 in Paris.
  'dst-night': '2027-03-28T00:45:00Z',
  'new-year-eve': '2026-12-31T23:50:00Z',
  // The last minutes of a week (weeks start on Monday): a week's load and digest turn over.
  'week-end': nextWeekEnd(Date.now()),
};

/**
 * The coming Sunday 23:50 UTC. Always ahead of the real clock: the browser tests run on a
 * clock Playwright gives the pages, and a moved clock behind the real one (a fixed date that
 * has passed) leaves the pages' statuses expired on arrival.
 */
function nextWeekEnd(now) {
  const at = new Date(now);
  at.setUTCHours(23, 50, 0, 0);
  at.setUTCDate(at.getUTCDate() + ((7 - at.getUTCDay()) % 7));
  if (at.getTime() <= now) at.setUTCDate(at.getUTCDate() + 7);
  return at.toISOString();
}

const [names, dashes, ...command] = process.argv.slice(2);
if (!names || dashes !== '--' || command.length === 0) {
  console.error(
    `usage: run-at-instant.mjs <${Object.keys(hardInstants).join('|')}|all|ISO instant>[,…] -- <command…>`,
  );
  process.exit(2);
}
const which = spawnSync('faketime', ['-f', '+0s', 'true']);
if (which.error || which.status !== 0) {
  console.error('faketime is not installed: apt-get install faketime');
  process.exit(1);
}
const wanted = names === 'all' ? Object.keys(hardInstants) : names.split(',');
for (const name of wanted) {
  const target = Date.parse(hardInstants[name] ?? name);
  if (Number.isNaN(target)) {
    console.error(`"${name}" is neither a known instant nor an ISO date`);
    process.exit(2);
  }
  const offset = Math.round((target - Date.now()) / 1000);
  console.log(`run-at-instant: ${new Date(target).toISOString()} (offset ${offset}s): ${command.join(' ')}`);
  const run = spawnSync('faketime', ['-f', `${offset >= 0 ? '+' : ''}${offset}s`, ...command], {
    stdio: 'inherit',
    // Only the wall clock moves: the monotonic clock stays real, so timers and timeouts behave.
    env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
  });
  if (run.status !== 0) {
    console.error(`run-at-instant: failed at ${name} (${new Date(target).toISOString()})`);
    process.exit(run.status ?? 1);
  }
}
