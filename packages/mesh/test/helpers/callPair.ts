import type { SmaRTCServer } from '@smartc/server';
import type { Call, CallSnapshot } from '../../src/call/index.js';
import { createCall, participant, startVideo, waitForSnapshot } from './callHarness.js';

export interface CallPair {
  alice: Call;
  bob: Call;
  aliceSnapshots: CallSnapshot[];
  bobSnapshots: CallSnapshot[];
  aliceVideo: ReturnType<typeof startVideo>;
  bobVideo: ReturnType<typeof startVideo>;
  /** Stops the sources and disposes both calls. */
  close(): Promise<void>;
}

/** Alice and Bob, each sending video + audio, joined to `room` and connected to each other. */
export async function connectPair(server: SmaRTCServer, room: string): Promise<CallPair> {
  const aliceVideo = startVideo();
  const bobVideo = startVideo();
  const a = createCall(server, 'alice');
  const b = createCall(server, 'bob');
  const pair: CallPair = {
    alice: a.call,
    bob: b.call,
    aliceSnapshots: a.snapshots,
    bobSnapshots: b.snapshots,
    aliceVideo,
    bobVideo,
    async close() {
      aliceVideo.stop();
      bobVideo.stop();
      await Promise.all([a.call.dispose(), b.call.dispose()]);
    },
  };
  try {
    await Promise.all([
      a.call.join(room, { localStream: aliceVideo.stream }),
      b.call.join(room, { localStream: bobVideo.stream }),
    ]);
    const connected = (call: Call, other: Call) => (s: CallSnapshot) => {
      const p = participant(call, other.getSnapshot().self.peerId);
      return s.status === 'joined' && p?.connectionState === 'connected' && !!p.stream;
    };
    await waitForSnapshot(a.call, connected(a.call, b.call), 'alice sees bob connected');
    await waitForSnapshot(b.call, connected(b.call, a.call), 'bob sees alice connected');
  } catch (error) {
    await pair.close();
    throw error;
  }
  return pair;
}
