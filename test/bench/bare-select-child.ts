// The at-rest suite's baseline for a launch: Node starts, opens the profile's SQLite cache and runs
// one SELECT of the whole team. Prints the milliseconds since this process began.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const db = new Database(join(process.argv[2]!, 'cache.sqlite'), { readonly: true });
const rows = db.prepare('SELECT data FROM members').all();
process.stdout.write(`${JSON.stringify({ ms: performance.now(), rows: rows.length })}\n`);
db.close();
