import { createServer } from 'node:net';

/** Ports the kernel never hands out by itself: Linux's ephemeral range starts at 32768. */
const FIRST = 20000;
const COUNT = 12000;

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A loopback port nobody listens on, for a server a test starts. Not `listen(0)`: the kernel
 * takes that port from its ephemeral range, and may give it to any outgoing connection before
 * our server binds it (CI saw PostgreSQL refuse such a port, "Address already in use"). Below
 * the range only our own picks can meet, one chance in thousands.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = FIRST + Math.floor(Math.random() * COUNT);
    if (await canListen(port)) return port;
  }
}
