import { describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../../main/shell/ipc-router';
import type { CoreHandlers } from '../../../main/core/core-api';

describe('IPC', () => {
  const setup = () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const handler = vi.fn(async () => ({ delivered: 'sent', kind: 'post', message: null }));
    registerIpc(
      { handle: ((channel: string, fn: never) => registered.set(channel, fn)) as never },
      { 'post:create': handler } as unknown as CoreHandlers,
      (url) => url.startsWith('file://'),
    );
    return {
      call: (url: string, payload: unknown) =>
        registered.get('post:create')!({ senderFrame: { url } }, payload),
      handler,
    };
  };

  it('refuses a call from a frame that is not the app', async () => {
    const { call, handler } = setup();
    await expect(call('https://evil.example/', { text: 'hi' })).rejects.toThrow('untrusted sender');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a payload that does not match the contract', async () => {
    const { call, handler } = setup();
    await expect(call('file:///app/index.html', { text: 42 })).rejects.toThrow('refused');
    await expect(call('file:///app/index.html', { text: 'hi', extra: true })).rejects.toThrow('refused');
    expect(handler).not.toHaveBeenCalled();
    await expect(call('file:///app/index.html', { text: 'hi' })).resolves.toMatchObject({
      delivered: 'sent',
    });
  });
});
