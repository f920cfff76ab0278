// Crashes leave a trace: local dumps, a dead page reloaded once, an uncaught error logged.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchCrashes } from '../../../main/shell/crash-watch';

function setUp(submitUrl?: string) {
  const started: unknown[] = [];
  const logged: string[] = [];
  const exits: number[] = [];
  const app = new EventEmitter();
  const proc = new EventEmitter();
  watchCrashes({
    crashReporter: { start: (options) => void started.push(options) },
    app,
    process: proc,
    submitUrl,
    log: (m) => logged.push(m),
    exit: (code) => void exits.push(code),
  });
  return { started, logged, exits, app, proc };
}

const page = () => ({
  reloads: 0,
  reload() {
    this.reloads++;
  },
  getURL: () => 'file:///app/index.html',
});

describe('crashes', () => {
  it('dumps stay on this computer unless an admin set a crash server', () => {
    expect(setUp().started).toEqual([{ submitURL: '', uploadToServer: false, compress: true }]);
    expect(setUp('https://crash.acme.test/submit').started).toEqual([
      { submitURL: 'https://crash.acme.test/submit', uploadToServer: true, compress: true },
    ]);
  });

  it('a window whose page crashed is logged and reloaded once; crashing again, it stays down', () => {
    const { app, logged } = setUp();
    const board = page();
    app.emit('render-process-gone', {}, board, { reason: 'crashed', exitCode: 139 });
    expect(board.reloads).toBe(1);
    app.emit('render-process-gone', {}, board, { reason: 'oom', exitCode: 1 });
    expect(board.reloads).toBe(1);
    expect(logged).toEqual([
      "a window's page stopped (crashed, exit code 139)",
      "a window's page stopped (oom, exit code 1)",
    ]);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 8 });
    expect(logged.at(-1)).toBe('the GPU process stopped (crashed, exit code 8)');
  });

  it('an error nobody caught in main is logged with its stack, then the app quits', () => {
    const { proc, logged, exits } = setUp();
    proc.emit('uncaughtException', new Error('cache is locked'));
    expect(logged[0]).toMatch(/^uncaught error, quitting: Error: cache is locked\n\s+at /);
    expect(exits).toEqual([1]);
  });
});
