import wrtc from '@roamhq/wrtc';
import type { LocalMediaDevicesLike, LocalMediaOptions, WebRTCOption } from '@smartc/mesh';

export const webrtc = wrtc as unknown as WebRTCOption;

const WIDTH = 320;
const HEIGHT = 240;
const stops: Array<() => void> = [];

const createStream = (tracks: MediaStreamTrack[]) =>
  new wrtc.MediaStream(tracks as never) as unknown as MediaStream;

/** A camera and a microphone that really produce frames and samples (stopped by `stopMedia`). */
function capture(constraints: MediaStreamConstraints): MediaStream {
  const tracks: MediaStreamTrack[] = [];
  if (constraints.video) {
    const source = new wrtc.nonstandard.RTCVideoSource();
    const frame = new Uint8Array(WIDTH * HEIGHT * 1.5);
    let n = 0;
    const timer = setInterval(() => {
      n += 1;
      frame.fill(n & 0xff, 0, WIDTH * HEIGHT);
      source.onFrame({ width: WIDTH, height: HEIGHT, data: frame });
    }, 33);
    const track = source.createTrack() as unknown as MediaStreamTrack;
    stops.push(() => {
      clearInterval(timer);
      track.stop();
    });
    tracks.push(track);
  }
  if (constraints.audio) {
    const source = new wrtc.nonstandard.RTCAudioSource();
    const samples = new Int16Array(480);
    const timer = setInterval(() => source.onData({ samples, sampleRate: 48_000 }), 10);
    const track = source.createTrack() as unknown as MediaStreamTrack;
    stops.push(() => {
      clearInterval(timer);
      track.stop();
    });
    tracks.push(track);
  }
  return createStream(tracks);
}

/** What SmaRTCSimple captures in Node: frame-fed tracks, as a browser's camera would give. */
export const nodeMedia: LocalMediaOptions = {
  mediaDevices: {
    getUserMedia: async (constraints: MediaStreamConstraints) => capture(constraints),
    enumerateDevices: async () => [],
  } as unknown as LocalMediaDevicesLike,
  createStream,
};

/** A browser whose user said no to the camera and microphone prompt. */
export const deniedMedia: LocalMediaOptions = {
  mediaDevices: {
    getUserMedia: async () => {
      throw Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    },
    enumerateDevices: async () => [],
  } as unknown as LocalMediaDevicesLike,
  createStream,
};

/** Stops every capture made so far. */
export function stopMedia(): void {
  for (const stop of stops.splice(0)) stop();
}

/** Counts the decoded frames of a remote video track. */
export function countFrames(track: MediaStreamTrack): { frames: () => number; stop: () => void } {
  const sink = new wrtc.nonstandard.RTCVideoSink(track as never);
  let frames = 0;
  sink.onframe = () => {
    frames += 1;
  };
  return { frames: () => frames, stop: () => sink.stop() };
}
