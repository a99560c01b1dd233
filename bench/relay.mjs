// (a) Signal relay throughput and latency: client pairs relaying ICE-candidate-sized signals,
// closed loop with a window of in-flight signals per pair, through the SmaRTC hub and through
// a minimal raw `ws` relay (the floor). Servers run in their own process; clients run here.
import { HUB_PATH, HubEvent, HubMethod } from '@smartc/protocol';
import WebSocket from 'ws';
import { startChildServer } from './lib/childServer.mjs';
import { connectHub } from './lib/hubClient.mjs';
import { percentile, round, sleep } from './lib/stats.mjs';

const CANDIDATE =
  'candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag sXfy network-cost 999';
const signalAt = (t) => ({
  type: 'ice-candidate',
  candidate: { candidate: CANDIDATE, sdpMid: '0', sdpMLineIndex: 0 },
  gen: 1,
  t,
});

/** Runs the closed loop for `warmupMs + durationMs`; `pairs` are `{ send(), onReceive(cb) }`. */
async function closedLoop(pairs, { windowSize, warmupMs, durationMs }) {
  let measuring = false;
  let received = 0;
  const latencies = [];
  for (const pair of pairs) {
    pair.onReceive((sentAt) => {
      if (measuring) {
        received += 1;
        latencies.push(performance.now() - sentAt);
      }
      pair.send(performance.now());
    });
  }
  for (const pair of pairs) for (let i = 0; i < windowSize; i += 1) pair.send(performance.now());
  await sleep(warmupMs);
  measuring = true;
  const started = performance.now();
  await sleep(durationMs);
  measuring = false;
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    perSecond: received / elapsedSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function hubPairs(baseUrl, count) {
  const pairs = [];
  for (let i = 0; i < count; i += 1) {
    const room = `relay-${i}`;
    const sender = await connectHub(baseUrl, HUB_PATH);
    const receiver = await connectHub(baseUrl, HUB_PATH);
    await sender.invoke(HubMethod.JoinSession, room, `sender-${i}`);
    const { peerId } = await receiver.invoke(HubMethod.JoinSession, room, `receiver-${i}`);
    pairs.push({
      send: (t) => sender.send(HubMethod.SendSignal, peerId, signalAt(t)),
      onReceive: (cb) => receiver.on(HubEvent.ReceiveSignal, (_from, signal) => cb(signal.t)),
      close: () => {
        sender.close();
        receiver.close();
      },
    });
  }
  return pairs;
}

async function rawPairs(baseUrl, count) {
  const open = (id) =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/?id=${id}`);
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  const pairs = [];
  for (let i = 0; i < count; i += 1) {
    const sender = await open(`s${i}`);
    const receiver = await open(`r${i}`);
    pairs.push({
      send: (t) => sender.send(JSON.stringify({ to: `r${i}`, data: signalAt(t) })),
      onReceive: (cb) => receiver.on('message', (raw) => cb(JSON.parse(raw.toString()).data.t)),
      close: () => {
        sender.close();
        receiver.close();
      },
    });
  }
  return pairs;
}

async function measureServer(label, script, makePairs, options) {
  const server = await startChildServer(new URL(script, import.meta.url).pathname);
  try {
    const pairs = await makePairs(server.baseUrl, options.pairs);
    const result = await closedLoop(pairs, options);
    for (const pair of pairs) pair.close();
    return { label, ...result };
  } finally {
    await server.stop();
  }
}

/** Relay benchmark rows: raw ws floor, then the hub, with the hub/raw throughput ratio. */
export async function benchRelay(options) {
  const raw = await measureServer('raw ws relay (floor)', './servers/rawRelayServer.mjs', rawPairs, options);
  const hub = await measureServer('SmaRTC hub SendSignal', './servers/hubServer.mjs', hubPairs, options);
  return [raw, hub].map((r) => ({
    relay: r.label,
    pairs: options.pairs,
    'in flight/pair': options.windowSize,
    'signals/s': Math.round(r.perSecond),
    'p50 ms': round(r.p50, 2),
    'p99 ms': round(r.p99, 2),
    'vs raw ws': `${round(r.perSecond / raw.perSecond, 2)}×`,
  }));
}
