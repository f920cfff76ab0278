import WebSocket from 'ws';
import type { Change, StreamMessage } from '../../shared/protocol/changes';

/** A live-stream client that records what it receives and can wait for it. */
export async function openStream(url: string, token: string, how: 'header' | 'message' = 'header') {
  const ws = new WebSocket(
    `${url.replace(/^http/, 'ws')}/v1/stream`,
    how === 'header' ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  const messages: StreamMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  if (how === 'message') ws.send(JSON.stringify({ type: 'auth', token }));
  const until = async (done: () => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(`stream: timed out; got ${JSON.stringify(messages).slice(0, 400)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return {
    ws,
    messages,
    changes: () =>
      messages
        .filter((m): m is { type: 'change'; change: Change } => m.type === 'change')
        .map((m) => m.change),
    until,
    ready: async () => {
      await until(() => messages.some((m) => m.type === 'ready'));
      return (messages.find((m) => m.type === 'ready') as { cursor: number }).cursor;
    },
    close: () => ws.close(),
  };
}
