// Test helpers (not exported from the package): a call store built from mesh's real reducer, driven by scripted
// actions, and fake media devices for a real LocalMedia.
import {
  Call,
  type CallAction,
  type CallListener,
  type CallSnapshot,
  callReducer,
  type InputDeviceKind,
  initialCallState,
  LocalMedia,
  type PeerStats,
} from '@smartc/mesh';

/** Nothing listens there: joins fail fast with a network error. */
export const UNREACHABLE_SERVER = 'http://127.0.0.1:9';

/** WebRTC classes for a real Call in happy-dom (which has none); an idle call never constructs them. */
class NoPeerConnection {
  constructor() {
    throw new Error('This test must not create a peer connection.');
  }
}
export const NO_WEBRTC_FOR_TESTS = {
  RTCPeerConnection: NoPeerConnection,
  RTCSessionDescription: NoPeerConnection,
  RTCIceCandidate: NoPeerConnection,
};

/** A real `Call` that has not joined (the idle state needs no server). */
export function idleCall(username: string): Call {
  return new Call({ serverUrl: UNREACHABLE_SERVER, username, webrtc: NO_WEBRTC_FOR_TESTS });
}

type PeerInfo = Extract<CallAction, { type: 'peer-joined' }>['peer'];

/**
 * The store half of a `Call` (`subscribe`, `getSnapshot`) over `callReducer` and `initialCallState`, plus the
 * media half the bindings use (`localMedia`, `switchDevice`), with a real `LocalMedia` on fake devices.
 */
export class ScriptedCall {
  #state: CallSnapshot;
  readonly #listeners = new Set<CallListener>();
  localMedia: LocalMedia | null = null;

  constructor(username = 'me') {
    this.#state = initialCallState(username);
  }

  /** This store typed as the `Call` the bindings take. */
  get call(): Call {
    return this as unknown as Call;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  subscribe = (listener: CallListener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): CallSnapshot => this.#state;

  dispatch(...actions: CallAction[]): void {
    for (const action of actions) {
      const next = callReducer(this.#state, action);
      if (next === this.#state) continue;
      this.#state = next;
      for (const listener of [...this.#listeners]) listener(next);
    }
  }

  /** Captures audio and video from `devices` through a real LocalMedia, as a Call that owns its media does. */
  async startMedia(devices: FakeMediaDevices): Promise<MediaStream> {
    const media = new LocalMedia({ mediaDevices: devices, createStream: fakeStream });
    const stream = await media.start({ audio: true, video: true });
    this.localMedia = media;
    this.dispatch({ type: 'self-stream', stream, media: { audio: true, video: true, screen: false } });
    return stream;
  }

  async switchDevice(kind: InputDeviceKind, deviceId: string): Promise<void> {
    if (!this.localMedia) throw new Error('switchDevice needs started media');
    await this.localMedia.switchDevice(kind, deviceId);
  }
}

export function peerInfo(peerId: string, username: string, audio = true, video = true): PeerInfo {
  return { peerId, username, media: { audio, video, screen: false } };
}

/** A store joined to `room` as `me-1`, with `peers` already there. */
export function joinedCall(peers: PeerInfo[], username = 'me'): ScriptedCall {
  const store = new ScriptedCall(username);
  store.dispatch(
    {
      type: 'join-started',
      sessionId: 'room',
      media: { audio: true, video: true, screen: false },
      stream: null,
    },
    { type: 'joined', peerId: 'me-1', peers },
  );
  return store;
}

/** Stats as the collector reports them, with `rttMs` and inbound video `kbps`. */
export function peerStats(rttMs: number, kbps: number): PeerStats {
  return {
    timestampMs: Date.now(),
    rttMs,
    availableOutgoingKbps: null,
    localCandidateType: 'host',
    remoteCandidateType: 'host',
    inbound: {
      audioKbps: 32,
      videoKbps: kbps,
      packetLossPercent: 0,
      jitterMs: 2,
      packetsLostTotal: 0,
      video: { framesPerSecond: 30, width: 640, height: 480 },
    },
    outbound: {
      audioKbps: 32,
      videoKbps: kbps,
      packetLossPercent: 0,
      jitterMs: 2,
      qualityLimitationReason: 'none',
      video: { framesPerSecond: 30, width: 640, height: 480 },
    },
  };
}

let trackCount = 0;

/** A live track of `kind` captured from `deviceId`. */
export function fakeTrack(kind: 'audio' | 'video', deviceId: string): MediaStreamTrack {
  const track = {
    kind,
    id: `${kind}-${++trackCount}`,
    enabled: true,
    readyState: 'live',
    getSettings: () => ({ deviceId }),
    stop() {
      track.readyState = 'ended';
    },
    addEventListener() {},
    removeEventListener() {},
  };
  return track as unknown as MediaStreamTrack;
}

/** A stream holding `tracks` (tracks can be added and removed, as LocalMedia does on device switches). */
export function fakeStream(tracks: MediaStreamTrack[]): MediaStream {
  const list = [...tracks];
  const stream = {
    id: `stream-${++trackCount}`,
    getTracks: () => [...list],
    getAudioTracks: () => list.filter((t) => t.kind === 'audio'),
    getVideoTracks: () => list.filter((t) => t.kind === 'video'),
    addTrack: (t: MediaStreamTrack) => list.push(t),
    removeTrack: (t: MediaStreamTrack) => list.splice(list.indexOf(t), 1),
  };
  return stream as unknown as MediaStream;
}

export function deviceInfo(kind: MediaDeviceKind, deviceId: string, label: string): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: 'g', toJSON: () => ({}) } as MediaDeviceInfo;
}

/** `navigator.mediaDevices` with a list you change (`setDevices` fires `devicechange`) and a listener count. */
export class FakeMediaDevices {
  #devices: MediaDeviceInfo[];
  readonly #listeners = new Set<() => void>();
  /** Device ids getUserMedia refuses (NotReadableError: in use). */
  readonly busy = new Set<string>();

  constructor(devices: MediaDeviceInfo[]) {
    this.#devices = devices;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  setDevices(devices: MediaDeviceInfo[]): void {
    this.#devices = devices;
    for (const listener of [...this.#listeners]) listener();
  }

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    return [...this.#devices];
  }

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    const tracks: MediaStreamTrack[] = [];
    for (const kind of ['audio', 'video'] as const) {
      const wanted = constraints[kind];
      if (!wanted) continue;
      const exact =
        typeof wanted === 'object' ? (wanted.deviceId as { exact?: string } | undefined)?.exact : undefined;
      const id = exact ?? this.#devices.find((d) => d.kind === `${kind}input`)?.deviceId;
      if (!id) throw Object.assign(new Error('no device'), { name: 'NotFoundError' });
      if (this.busy.has(id)) throw Object.assign(new Error('in use'), { name: 'NotReadableError' });
      tracks.push(fakeTrack(kind, id));
    }
    return fakeStream(tracks);
  }

  addEventListener(_type: 'devicechange', listener: () => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'devicechange', listener: () => void): void {
    this.#listeners.delete(listener);
  }
}
