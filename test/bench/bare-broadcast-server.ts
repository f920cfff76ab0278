// The baseline for the stream benchmark: a bare `ws` server that broadcasts each POSTed
// body to every connected client, with no database, auth or log in between.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ noServer: true });
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    for (const ws of wss.clients) ws.send(body);
    res.end('{}');
  });
});
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => ws.send('{"type":"ready"}')),
);
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
