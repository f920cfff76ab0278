// The baseline for the stream benchmarks: a bare `ws` server that broadcasts each POSTed body
// to every connected client (or, with ?from=&count=, to the clients that connected as
// /?i=<from>…<from+count-1>), with no database, auth or log in between.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ noServer: true });
const byIndex = new Map<number, WebSocket>();
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (query.has('from')) {
      const from = Number(query.get('from'));
      for (let i = from; i < from + Number(query.get('count')); i++) byIndex.get(i)?.send(body);
    } else for (const ws of wss.clients) ws.send(body);
    res.end('{}');
  });
});
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => {
    const i = new URL(req.url ?? '/', 'http://localhost').searchParams.get('i');
    if (i !== null) byIndex.set(Number(i), ws);
    ws.send('{"type":"ready"}');
  }),
);
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
