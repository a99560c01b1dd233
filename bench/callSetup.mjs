// (c) Call setup time in Node (@roamhq/wrtc): from `call.join()` until the first remote video frame is
// decoded and until the reliable data channel is open, for every peer of a room where all peers join at
// the same instant. Runs in a child process of its own (wrtc can crash at a natural exit after media use);
// the SmaRTC server runs in a third process.
import { fork } from 'node:child_process';
import { CallSetupSamples } from './lib/callSetupStats.mjs';

export const NODE_RUNTIME = 'Node (@roamhq/wrtc)';
const RUN_TIMEOUT_MS = 15_000;
const WIDTH = 320;
const HEIGHT = 240;
const FRAME_INTERVAL_MS = 33;

/**
 * Rows `{runtime, peers, runs, first frame p50/p95 ms, data channel p50/p95 ms}` for each `{peers, runs}` plan,
 * and `breakdown` rows (medians per peer pair). Runs the measurement in a child Node process.
 */
export function benchCallSetupNode(plans) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url).pathname, [JSON.stringify(plans)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.on('message', (m) => {
      if (m?.result) result = m.result;
      if (m?.error) reject(new Error(`Node call setup: ${m.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result)
        resolve(result); // an exit crash after the result was sent does not matter
      else reject(new Error(`Node call setup exited (${signal ?? code}) without a result`));
    });
  });
}

/** A synthetic camera: a grey I420 frame with a moving bar, pushed every 33 ms. */
function syntheticCamera(wrtc) {
  const source = new wrtc.nonstandard.RTCVideoSource();
  const track = source.createTrack();
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 1.5).fill(128);
  let n = 0;
  const push = () => {
    data.fill(128, 0, WIDTH * HEIGHT);
    data.fill(235, (n % HEIGHT) * WIDTH, ((n % HEIGHT) + 8) * WIDTH);
    n += 4;
    source.onFrame({ width: WIDTH, height: HEIGHT, data });
  };
  push();
  const timer = setInterval(push, FRAME_INTERVAL_MS);
  return {
    stream: new wrtc.MediaStream([track]),
    stop() {
      clearInterval(timer);
      track.stop();
    },
  };
}

/** One peer: a Call with a synthetic camera; records its timings relative to its own join(). */
function createPeer({ Call, wrtc, serverUrl, username }) {
  /** @type {import('./lib/callSetupStats.mjs').PeerTimings} */
  const timings = { joined: -1, remotes: {}, deferredOffers: 0 };
  const camera = syntheticCamera(wrtc);
  const sinks = [];
  let t0 = 0;
  const since = () => performance.now() - t0;
  const remote = (peerId) => {
    timings.remotes[peerId] ??= {};
    return timings.remotes[peerId];
  };
  const logger = {
    debug: (message) => {
      if (message.includes('no offer from the impolite side')) timings.deferredOffers += 1;
    },
  };
  const call = new Call({ serverUrl, username, webrtc: wrtc, logger, statsIntervalMs: 60_000 });
  const mesh = call.mesh;
  mesh.on('peer-connected', (peerId) => {
    remote(peerId).connected ??= since();
  });
  mesh.on('channel-open', (peerId, kind) => {
    if (kind === 'reliable') remote(peerId).channel ??= since();
  });
  mesh.on('remote-track', (peerId, track) => {
    if (track.kind !== 'video') return;
    remote(peerId);
    const sink = new wrtc.nonstandard.RTCVideoSink(track);
    sinks.push(sink);
    sink.onframe = () => {
      remote(peerId).frame ??= since();
      sink.stop();
    };
  });
  return {
    timings,
    async join(room) {
      t0 = performance.now();
      await call.join(room, { localStream: camera.stream });
      timings.joined = since();
    },
    done(peers) {
      const remotes = Object.values(timings.remotes);
      return remotes.length === peers - 1 && remotes.every((r) => r.frame >= 0 && r.channel >= 0);
    },
    async close() {
      for (const sink of sinks) sink.stop();
      camera.stop();
      await call.dispose().catch(() => {});
    },
  };
}

async function runOnce(env, peers, room) {
  const group = Array.from({ length: peers }, (_, i) => createPeer({ ...env, username: `bench-${i}` }));
  try {
    await Promise.all(group.map((p) => p.join(room))); // all at the same instant: the glare case
    const deadline = performance.now() + RUN_TIMEOUT_MS;
    while (!group.every((p) => p.done(peers)) && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return group.map((p) => p.timings);
  } finally {
    await Promise.all(group.map((p) => p.close()));
  }
}

async function main(plans) {
  const [{ default: wrtc }, { Call }, { startChildServer }] = await Promise.all([
    import('@roamhq/wrtc'),
    import('@smartc/mesh'),
    import('./lib/childServer.mjs'),
  ]);
  const server = await startChildServer(new URL('./servers/hubServer.mjs', import.meta.url).pathname);
  const rows = [];
  const breakdown = [];
  try {
    const env = { Call, wrtc, serverUrl: server.baseUrl };
    await runOnce(env, 2, 'setup-warmup'); // first connection pays for module/JIT warm-up
    for (const { peers, runs } of plans) {
      const samples = new CallSetupSamples();
      for (let run = 0; run < runs; run += 1) {
        samples.addRun(await runOnce(env, peers, `setup-node-${peers}-${run}`), peers);
        await new Promise((r) => setTimeout(r, 200)); // let the previous run's connections go
      }
      rows.push(samples.row(NODE_RUNTIME, peers));
      breakdown.push(samples.breakdown(NODE_RUNTIME, peers));
    }
  } finally {
    await server.stop();
  }
  return { rows, breakdown };
}

if (process.argv[1] === new URL(import.meta.url).pathname && process.send) {
  try {
    process.send({ result: await main(JSON.parse(process.argv[2])) });
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) });
  }
  setTimeout(() => process.exit(0), 100);
}
