// The one trust boundary both transports use: what a window may ask, checked before the core runs.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/ipc-dispatch';
import type { CoreHandlers } from '../../../main/core/core-api';

const seen: unknown[] = [];
const handlers = new Proxy({} as CoreHandlers, {
  get: (_t, channel) => async (request: unknown) => (seen.push([channel, request]), { ok: true }),
});

describe('dispatch', () => {
  it('runs the handler with the payload the contract accepted', async () => {
    await expect(dispatch(handlers, 'post:create', { text: 'hi' })).resolves.toEqual({ ok: true });
    expect(seen).toEqual([['post:create', { text: 'hi' }]]);
  });

  it('refuses an unknown channel and a payload off the contract, naming the field, and runs nothing', async () => {
    seen.length = 0;
    await expect(dispatch(handlers, 'fs:read', {})).rejects.toThrow('unknown channel fs:read');
    await expect(dispatch(handlers, 'post:create', { text: 42 })).rejects.toThrow(
      /^post:create refused: text: /,
    );
    await expect(dispatch(handlers, 'app:diagnostics', { copy: true, extra: 1 })).rejects.toThrow(
      /^app:diagnostics refused: /,
    );
    expect(seen).toEqual([]);
  });
});
