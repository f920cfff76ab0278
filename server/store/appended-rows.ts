import { AsyncLocalStorage } from 'node:async_hooks';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';

export type ChangeRow = Selectable<Database['changes']>;

/**
 * The log rows one write appended, exactly as committed: handed to this instance's hub, which
 * then sends them without reading them back (one query less between a commit and the streams).
 * A transaction run again after a conflict drops what its failed attempt noted.
 */
const appended = new AsyncLocalStorage<ChangeRow[]>();

/** Runs a write and gives back the rows it appended (in the order of their sequence). */
export async function collectAppended<T>(work: () => Promise<T>): Promise<{ result: T; rows: ChangeRow[] }> {
  const rows: ChangeRow[] = [];
  const result = await appended.run(rows, work);
  return { result, rows };
}

/** A row appended inside the current write (nothing happens outside `collectAppended`). */
export function noteAppended(row: ChangeRow): void {
  appended.getStore()?.push(row);
}

/** Where an attempt starts: calling the result forgets what that attempt noted (it rolled back). */
export function attemptStart(): () => void {
  const rows = appended.getStore();
  const mark = rows?.length ?? 0;
  return () => {
    if (rows) rows.length = mark;
  };
}
