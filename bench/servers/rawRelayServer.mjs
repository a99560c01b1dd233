// The floor: a minimal WebSocket relay with no protocol beyond JSON `{to, data}` → `{from, data}`.
// Runs in its own process, like the hub server, and reports its port over IPC.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const sockets = new Map();
const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, maxPayload: 64 * 1024 });

wss.on('connection', (ws, req) => {
  const id = new URL(req.url, 'http://x').searchParams.get('id');
  sockets.set(id, ws);
  ws.on('message', (raw) => {
    const { to, data } = JSON.parse(raw.toString());
    sockets.get(to)?.send(JSON.stringify({ from: id, data }));
  });
  ws.on('close', () => sockets.delete(id));
});

server.listen(0, '127.0.0.1', () => process.send?.({ ready: true, port: server.address().port }));
process.on('message', (m) => {
  if (m?.cmd === 'measure') {
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
});
