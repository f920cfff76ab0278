// Where PostgreSQL LISTEN/NOTIFY stops being enough for instances sharing one database. Every
// committed change wakes the other instances with a NOTIFY whose payload is the organisation's
// id (36 bytes, the limit is 8,000); they then read the log. NOTIFY takes a lock on the one
// notification queue when its transaction commits, so notifying transactions commit one at a
// time: Ricochet notifies in a transaction of its own, after the change committed. Measured
// here with the store's own append, writers spread over several organisations (each
// organisation's writes are already in one order: its row lock), against the same writes
// without a NOTIFY, and against a NOTIFY inside the writing transaction.
import { sql } from 'kysely';
import pg from 'pg';
import { openStorage, type Storage } from '../../server/db/connect';
import { appendChange } from '../../server/store/change-log';
import { createOrganisation } from '../../server/store/members';
import { writeTransaction } from '../../server/store/write-transaction';
import { startPostgres } from '../support/postgres';
import { percentile, round, type Benchmark, type BenchRow } from './bench-kit';

const ORGS = 8;
const WRITERS = 16;
const SECONDS = 3;
const CHANNEL = 'ricochet_bench';
/** 5,000 people each changing status or calendar once a minute, with ten times that at peaks. */
const NEEDED_PER_SECOND = Math.ceil((5_000 / 60) * 10);

type Way = 'none' | 'after' | 'inside';

export const benchmark: Benchmark = {
  suite: 'PostgreSQL NOTIFY between instances',
  async run() {
    // Commits as a production server makes them (fsync on): the queue lock is held through them.
    const cluster = await startPostgres({ durable: true });
    const config = { kind: 'postgres' as const, url: await cluster.database() };
    const storage = await openStorage(config);
    const orgs: Awaited<ReturnType<typeof createOrganisation>>[] = [];
    for (let i = 0; i < ORGS; i++)
      orgs.push(
        await createOrganisation(storage.db, {
          name: `Org ${i}`,
          adminName: 'Ana',
          adminEmail: `ana${i}@org.test`,
        }),
      );

    // Another instance's listener: counts wake-ups, and times probes sent during the load.
    const listener = new pg.Client({ connectionString: config.url });
    await listener.connect();
    let woken = 0;
    let probes: number[] = [];
    listener.on('notification', (n) => {
      if (n.payload?.startsWith('probe:')) probes.push(performance.now() - Number(n.payload.slice(6)));
      else woken++;
    });
    await listener.query(`LISTEN ${CHANNEL}`);

    const run = async (way: Way) => {
      woken = 0;
      probes = [];
      let writes = 0;
      const end = performance.now() + SECONDS * 1000;
      const probe = setInterval(
        () => void sql`select pg_notify(${CHANNEL}, ${`probe:${performance.now()}`})`.execute(storage.db),
        50,
      );
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const org = orgs[w % ORGS]!;
          while (performance.now() < end) {
            await write(storage, org.team.id, org.admin.id, way, writes);
            writes++;
          }
        }),
      );
      clearInterval(probe);
      await new Promise((r) => setTimeout(r, 300)); // the last wake-ups arrive
      probes.sort((a, b) => a - b);
      return { perSecond: writes / SECONDS, writes, woken, p99: percentile(probes, 99) };
    };
    await run('none'); // warm-up
    const none = await run('none');
    const after = await run('after');
    const inside = await run('inside');
    await listener.end();
    await storage.close();
    cluster.stop();

    const suite = this.suite;
    const rows: BenchRow[] = [
      {
        suite,
        name: `changes committed, no NOTIFY (${WRITERS} writers over ${ORGS} organisations)`,
        value: round(none.perSecond, 0),
        unit: '/s',
      },
      {
        suite,
        name: 'changes committed, NOTIFY after the commit (Ricochet)',
        value: round(after.perSecond, 0),
        unit: '/s',
        ratio: round(after.perSecond / none.perSecond, 2),
        baseline: 'no NOTIFY',
        target: `≥ ${NEEDED_PER_SECOND}/s (5,000 people, a change a minute each, ×10 at peaks)`,
        pass: after.perSecond >= NEEDED_PER_SECOND,
      },
      {
        suite,
        name: 'wake-ups received by another instance, NOTIFY after the commit',
        value: after.woken,
        unit: `of ${after.writes}`,
        target: 'all',
        pass: after.woken === after.writes,
      },
      {
        suite,
        name: 'a wake-up under that load, p99 (NOTIFY → another instance)',
        value: round(after.p99, 1),
        unit: 'ms',
        ratio: round(after.p99 / none.p99, 2),
        baseline: `with no other NOTIFY: ${round(none.p99, 1)} ms`,
      },
      {
        suite,
        name: 'changes committed, NOTIFY inside the writing transaction (not used)',
        value: round(inside.perSecond, 0),
        unit: '/s',
        ratio: round(inside.perSecond / none.perSecond, 2),
        baseline: 'no NOTIFY',
      },
      {
        suite,
        name: 'NOTIFY payload: the organisation id',
        value: 36,
        unit: 'bytes',
        target: '≤ 8,000 (PostgreSQL limit)',
        pass: true,
      },
    ];
    return rows;
  },
};

/** One status change of the store's log, with the wake-up where `way` puts it. */
async function write(storage: Storage, orgId: string, memberId: string, way: Way, n: number) {
  const at = new Date().toISOString();
  const data = { state: 'focus', emoji: null, text: `update ${n}`, until: null, updatedAt: at };
  await writeTransaction(storage.db, async (trx) => {
    await appendChange(trx, Date.now(), orgId, 'status', memberId, memberId, data);
    if (way === 'inside') await sql`select pg_notify(${CHANNEL}, ${orgId})`.execute(trx);
  });
  if (way === 'after') await sql`select pg_notify(${CHANNEL}, ${orgId})`.execute(storage.db);
}
