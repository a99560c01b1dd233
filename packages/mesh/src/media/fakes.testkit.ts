/** Test fakes that behave like the browser media APIs (Node has none). Not exported from the package. */
let nextId = 0;

/** Shared log of what happened, in order: `acquire:video:cam-1`, `stop:video:cam-1`. */
export type MediaLog = string[];

export class FakeTrack extends EventTarget {
  readonly id = `track-${++nextId}`;
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  listeners = 0;
  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId: string,
    readonly log: MediaLog = [],
  ) {
    super();
  }
  stop(): void {
    if (this.readyState === 'ended') return;
    this.readyState = 'ended';
    this.log.push(`stop:${this.kind}:${this.deviceId}`);
  }
  getSettings(): { deviceId: string } {
    return { deviceId: this.deviceId };
  }
  /** What the browser does when the user clicks "Stop sharing" or the device is unplugged. */
  end(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

export class FakeStream {
  readonly tracks: FakeTrack[];
  constructor(tracks: readonly unknown[] = []) {
    this.tracks = [...(tracks as FakeTrack[])];
  }
  getTracks(): FakeTrack[] {
    return [...this.tracks];
  }
  getAudioTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getVideoTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'video');
  }
  addTrack(track: FakeTrack): void {
    if (!this.tracks.includes(track)) this.tracks.push(track);
  }
  removeTrack(track: FakeTrack): void {
    const index = this.tracks.indexOf(track);
    if (index >= 0) this.tracks.splice(index, 1);
  }
}

function device(kind: MediaDeviceKind, deviceId: string): MediaDeviceInfo {
  return { kind, deviceId, label: deviceId, groupId: 'g', toJSON: () => ({}) } as MediaDeviceInfo;
}

/** A fake `navigator.mediaDevices`: an EventTarget whose `devicechange` is dispatched by the test. */
export class FakeMediaDevices extends EventTarget {
  readonly log: MediaLog = [];
  readonly calls: MediaStreamConstraints[] = [];
  devices: MediaDeviceInfo[] = [
    device('audioinput', 'mic-1'),
    device('audioinput', 'mic-2'),
    device('videoinput', 'cam-1'),
    device('videoinput', 'cam-2'),
    device('audiooutput', 'speaker-1'),
  ];
  /** Errors getUserMedia throws when the kind is requested. */
  fail: { audio?: unknown; video?: unknown; display?: unknown } = {};
  listeners = 0;
  lastDisplayTrack: FakeTrack | null = null;

  getUserMedia = async (constraints: MediaStreamConstraints = {}): Promise<MediaStream> => {
    this.calls.push(constraints);
    const tracks: FakeTrack[] = [];
    for (const kind of ['audio', 'video'] as const) {
      const c = constraints[kind];
      if (!c) continue;
      if (this.fail[kind]) throw this.fail[kind];
      const exact = typeof c === 'object' ? (c.deviceId as { exact?: string } | undefined)?.exact : undefined;
      const available = this.devices.filter((d) => d.kind === `${kind}input`);
      const chosen = exact ? available.find((d) => d.deviceId === exact) : available[0];
      if (!chosen) throw new DOMException('', exact ? 'OverconstrainedError' : 'NotFoundError');
      this.log.push(`acquire:${kind}:${chosen.deviceId}`);
      tracks.push(new FakeTrack(kind, chosen.deviceId, this.log));
    }
    return new FakeStream(tracks) as unknown as MediaStream;
  };

  getDisplayMedia? = async (): Promise<MediaStream> => {
    if (this.fail.display) throw this.fail.display;
    this.lastDisplayTrack = new FakeTrack('video', 'screen', this.log);
    return new FakeStream([this.lastDisplayTrack]) as unknown as MediaStream;
  };

  enumerateDevices = async (): Promise<MediaDeviceInfo[]> => [...this.devices];

  /** Unplugs a device and fires `devicechange` like the browser. */
  unplug(deviceId: string): void {
    this.devices = this.devices.filter((d) => d.deviceId !== deviceId);
    this.dispatchEvent(new Event('devicechange'));
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners--;
    super.removeEventListener(...args);
  }
}

export const createFakeStream = (tracks: MediaStreamTrack[]): MediaStream =>
  new FakeStream(tracks) as unknown as MediaStream;
