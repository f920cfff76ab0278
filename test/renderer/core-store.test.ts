import { describe, expect, it } from 'vitest';
import type { RicochetApi } from '../../shared/ipc-contract';
import { CoreStore } from '../../renderer/src/core-store';

/** The window's side of the IPC API, as far as the store uses it: reads counted, changes sent. */
function stand() {
  const changed = new Set<() => void>();
  let board = 0;
  const pending: (() => void)[] = [];
  const api = {
    on: (_event: 'core:changed', fn: () => void) => (changed.add(fn), () => changed.delete(fn)),
    boardGet: () =>
      new Promise<{ n: number }>((resolve) => {
        const n = ++board;
        pending.push(() => resolve({ n }));
      }),
  } as unknown as RicochetApi & { boardGet: () => Promise<{ n: number }> };
  let shown: () => void = () => {};
  const page = { hidden: false };
  const store = new CoreStore(api, { hidden: () => page.hidden, onShown: (fn) => (shown = fn) });
  const settle = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return {
    store,
    page,
    reads: () => board,
    change: () => changed.forEach((fn) => fn()),
    show: () => ((page.hidden = false), shown()),
    settle,
    read: (a: RicochetApi) => (a as typeof api).boardGet(),
  };
}

describe('the window’s store of core reads', () => {
  it('two views showing the board make one read and get the same answer', async () => {
    const t = stand();
    t.store.subscribe('board', t.read, () => {});
    t.store.subscribe('board', t.read, () => {});
    await t.settle();
    expect(t.reads()).toBe(1);
    expect(t.store.snapshot('board').data).toEqual({ n: 1 });
  });

  it('a burst of changes during a read makes one more read, and the board shows the last', async () => {
    const t = stand();
    let told = 0;
    t.store.subscribe('board', t.read, () => told++);
    for (let i = 0; i < 10; i++) t.change();
    await t.settle();
    expect(t.reads()).toBe(2);
    expect(t.store.snapshot('board').data).toEqual({ n: 2 });
    expect(told).toBe(2);
  });

  it('a hidden page reads nothing on a change, then once when shown', async () => {
    const t = stand();
    t.store.subscribe('board', t.read, () => {});
    await t.settle();
    t.page.hidden = true;
    t.change();
    t.change();
    await t.settle();
    expect(t.reads()).toBe(1);
    t.show();
    await t.settle();
    expect(t.reads()).toBe(2);
  });

  it('a read nobody shows is dropped on a change and read afresh when a view shows it', async () => {
    const t = stand();
    const stop = t.store.subscribe('board', t.read, () => {});
    await t.settle();
    stop();
    t.change();
    await t.settle();
    expect(t.reads()).toBe(1);
    expect(t.store.snapshot('board').data).toBeUndefined();
    t.store.subscribe('board', t.read, () => {});
    await t.settle();
    expect(t.reads()).toBe(2);
  });

  it('a read primed before the first screen serves the view that mounts after it', async () => {
    const t = stand();
    t.store.prime('board', t.read);
    t.store.subscribe('board', t.read, () => {});
    await t.settle();
    expect(t.reads()).toBe(1);
    expect(t.store.snapshot('board').data).toEqual({ n: 1 });
  });

  it('a read that failed before the bridge opened (a busy machine) is read again when it opens', async () => {
    let up = false;
    let reads = 0;
    const api = {
      on: () => () => {},
      settingsGet: async () => {
        reads++;
        if (!up) throw new Error('bridge-down');
        return { language: 'fr' };
      },
    } as unknown as RicochetApi & { settingsGet: () => Promise<{ language: string }> };
    const store = new CoreStore(api, { hidden: () => false, onShown: () => {} });
    const read = (a: RicochetApi) => (a as typeof api).settingsGet();
    store.subscribe('settings', read, () => {});
    await new Promise((r) => setTimeout(r, 0));
    expect(store.snapshot('settings')).toEqual({ data: undefined, error: 'bridge-down' });
    up = true;
    store.connection(true);
    await new Promise((r) => setTimeout(r, 0));
    // The window fills (without this it stayed empty until something changed in the team).
    expect(store.snapshot('settings')).toEqual({ data: { language: 'fr' }, error: null });
    expect(reads).toBe(2);
  });

  it('after a drop every shown read reads again (a change may have been missed); a first open reads nothing more', async () => {
    const t = stand();
    t.store.subscribe('board', t.read, () => {});
    await t.settle();
    t.store.connection(true); // the bridge's first open: the board read fine, nothing to read again
    await t.settle();
    expect(t.reads()).toBe(1);
    t.store.connection(false);
    t.store.connection(true);
    await t.settle();
    expect(t.reads()).toBe(2);
    expect(t.store.snapshot('board').data).toEqual({ n: 2 });
  });
});
