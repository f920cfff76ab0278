import { connect } from 'node:net';

/** Sends raw bytes to a loopback server and returns what it answered (or '' if it hung up). */
export function rawRequest(port: number, text: string | Buffer, waitMs = 1_000): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, waitMs);
  });
}
