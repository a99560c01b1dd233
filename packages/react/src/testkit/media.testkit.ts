/** Fakes of the browser media APIs happy-dom lacks (getUserMedia, devices, tracks). Test helpers, not exported. */

/** A camera or microphone track from {@link FakeMediaDevices}. */
export class FakeTrack extends EventTarget {
  static #next = 0;
  readonly id = `track-${++FakeTrack.#next}`;
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId: string,
  ) {
    super();
  }
  stop(): void {
    this.readyState = 'ended';
  }
  getSettings(): { deviceId: string } {
    return { deviceId: this.deviceId };
  }
}

/**
 * happy-dom's `MediaStream` (so a `<video>` accepts it as `srcObject`) with the `getTracks()` it lacks.
 * Created lazily: the class exists only in a happy-dom window.
 */
export function createTestStream(tracks: readonly MediaStreamTrack[] = []): MediaStream {
  class TestStream extends globalThis.MediaStream {
    override getTracks(): MediaStreamTrack[] {
      return [...this.getAudioTracks(), ...this.getVideoTracks()];
    }
  }
  const stream = new TestStream();
  for (const track of tracks) stream.addTrack(track);
  return stream;
}

function device(kind: MediaDeviceKind, deviceId: string, label: string): MediaDeviceInfo {
  return { kind, deviceId, label, groupId: 'g', toJSON: () => ({}) } as MediaDeviceInfo;
}

/** A fake `navigator.mediaDevices`: devices the test can plug in, and getUserMedia honouring `deviceId.exact`. */
export class FakeMediaDevices extends EventTarget {
  devices: MediaDeviceInfo[] = [
    device('audioinput', 'mic-1', 'Built-in microphone'),
    device('videoinput', 'cam-1', 'Built-in camera'),
    device('videoinput', 'cam-2', 'USB camera'),
    device('audiooutput', 'speaker-1', 'Speakers'),
    device('audiooutput', 'headset-1', 'Headset'),
  ];

  getUserMedia = async (constraints: MediaStreamConstraints = {}): Promise<MediaStream> => {
    const tracks: FakeTrack[] = [];
    for (const kind of ['audio', 'video'] as const) {
      const wanted = constraints[kind];
      if (!wanted) continue;
      const exact =
        typeof wanted === 'object' ? (wanted.deviceId as { exact?: string } | undefined)?.exact : undefined;
      const available = this.devices.filter((d) => d.kind === `${kind}input`);
      const chosen = exact ? available.find((d) => d.deviceId === exact) : available[0];
      if (!chosen) throw new DOMException('no such device', 'NotFoundError');
      tracks.push(new FakeTrack(kind, chosen.deviceId));
    }
    return createTestStream(tracks as unknown as MediaStreamTrack[]);
  };

  /** How many `devicechange` listeners are registered. */
  listeners = 0;

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners += 1;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners -= 1;
    super.removeEventListener(...args);
  }

  /** The screen of the last getDisplayMedia (end it with `dispatchEvent(new Event('ended'))`). */
  lastScreen: FakeTrack | null = null;

  getDisplayMedia = async (): Promise<MediaStream> => {
    this.lastScreen = new FakeTrack('video', 'screen');
    return createTestStream([this.lastScreen as unknown as MediaStreamTrack]);
  };

  enumerateDevices = async (): Promise<MediaDeviceInfo[]> => [...this.devices];

  /** Plugs a device in and fires `devicechange` as the browser does. */
  plug(kind: MediaDeviceKind, deviceId: string, label: string): void {
    this.devices = [...this.devices, device(kind, deviceId, label)];
    this.dispatchEvent(new Event('devicechange'));
  }
}

/** Installs `devices` as `navigator.mediaDevices` until the returned function is called. */
export function installMediaDevices(devices: FakeMediaDevices): () => void {
  const previous = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
  return () => {
    if (previous) Object.defineProperty(navigator, 'mediaDevices', previous);
    else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  };
}
