import { errorFromCode, type SmaRTCError, TypedEmitter } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';
import {
  captureMedia,
  captureTrack,
  defaultCreateStream,
  deviceIdOf,
  withoutDeviceId,
} from './captureTrack.js';
import {
  type DeviceList,
  type InputDeviceKind,
  type LocalMediaDevicesLike,
  listMediaDevices,
} from './devices.js';
import { normalizeMediaError } from './normalizeMediaError.js';

/** `'audio'` or `'video'`: the kind of a local track, as `MeshPeerManager.replaceTrack(kind, track)` takes it. */
export type LocalTrackKind = 'audio' | 'video';

/** Where a {@link LocalMedia} is in its life. `start()` may be called again after `stop()`. */
export type LocalMediaState = 'idle' | 'starting' | 'started' | 'stopped';

/** The events of {@link LocalMedia}: one map, one emitter. */
export type LocalMediaEvents = {
  /** The outgoing track of `kind` changed: pass `newTrack` to `replaceTrack(kind, newTrack)` (null = send nothing). */
  'track-replaced': [
    kind: LocalTrackKind,
    oldTrack: MediaStreamTrack | null,
    newTrack: MediaStreamTrack | null,
  ];
  'mute-changed': [state: { audio: boolean; video: boolean }];
  /** The active input device disappeared; the default device replaces it (followed by `track-replaced`). */
  'device-lost': [kind: InputDeviceKind, deviceId: string];
  'devices-changed': [devices: DeviceList];
  'screen-share-started': [track: MediaStreamTrack];
  'screen-share-ended': [track: MediaStreamTrack];
  /** A non-fatal failure, e.g. the camera of an audio-only fallback or a failed device fallback. */
  error: [error: SmaRTCError];
};

/** Options of {@link LocalMedia}. */
export interface LocalMediaOptions {
  /** Default `navigator.mediaDevices`, looked up when first needed. Node: `wrtc.mediaDevices`. */
  mediaDevices?: LocalMediaDevicesLike;
  /** Builds the local stream; default `new MediaStream(tracks)`, else the stream getUserMedia returned. */
  createStream?: (tracks: MediaStreamTrack[]) => MediaStream;
}

/** What {@link LocalMedia.start} captures; default `{ audio: true, video: true }`. */
export interface LocalMediaStartOptions extends MediaStreamConstraints {
  /** If the camera is missing or busy but the microphone works, start audio-only and emit `error`. */
  fallbackToAudioOnly?: boolean;
}

const KINDS: Record<InputDeviceKind, LocalTrackKind> = { audioinput: 'audio', videoinput: 'video' };

/**
 * The local camera and microphone: start/stop, mute (optionally releasing the camera so its light goes off),
 * device switching and hot-swap with fallback to the default device, and screen share. It never touches peer
 * connections: the call layer forwards `track-replaced` to `MeshPeerManager.replaceTrack(kind, track)`.
 *
 * @example
 * const media = new LocalMedia();
 * media.on('track-replaced', (kind, _old, track) => peers.replaceTrack(kind, track));
 * const stream = await media.start({ audio: true, video: true, fallbackToAudioOnly: true });
 * await media.setVideoEnabled(false, { release: true }); // camera light off
 * await media.switchDevice('audioinput', headsetId);
 * media.stop();
 */
export class LocalMedia extends TypedEmitter<LocalMediaEvents> {
  readonly #options: LocalMediaOptions;
  #state: LocalMediaState = 'idle';
  #stream: MediaStream | null = null;
  readonly #tracks: Record<LocalTrackKind, MediaStreamTrack | null> = { audio: null, video: null };
  readonly #enabled: Record<LocalTrackKind, boolean> = { audio: false, video: false };
  readonly #deviceIds: Record<LocalTrackKind, string | undefined> = { audio: undefined, video: undefined };
  readonly #constraints: Record<LocalTrackKind, MediaTrackConstraints> = { audio: {}, video: {} };
  #screen: { track: MediaStreamTrack; replaceCamera: boolean; onEnded: () => void } | null = null;
  #deviceSource: LocalMediaDevicesLike | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #onDeviceChange = (): void => {
    void this.#serial(() => this.#handleDeviceChange()).catch((error) =>
      this.emit('error', normalizeMediaError(error)),
    );
  };

  constructor(options: LocalMediaOptions = {}) {
    super();
    this.#options = options;
  }

  get state(): LocalMediaState {
    return this.#state;
  }
  /** The local stream (camera, or the screen while sharing with `replaceCamera`); null before `start()`. */
  get stream(): MediaStream | null {
    return this.#stream;
  }
  get audioTrack(): MediaStreamTrack | null {
    return this.#tracks.audio;
  }
  /** The camera track; null when released (`setVideoEnabled(false, { release: true })`) or audio-only. */
  get videoTrack(): MediaStreamTrack | null {
    return this.#tracks.video;
  }
  /** The screen-share track while sharing. */
  get screenTrack(): MediaStreamTrack | null {
    return this.#screen?.track ?? null;
  }
  get audioEnabled(): boolean {
    return this.#enabled.audio;
  }
  get videoEnabled(): boolean {
    return this.#enabled.video;
  }

  get #mediaDevices(): LocalMediaDevicesLike | undefined {
    if (this.#options.mediaDevices) return this.#options.mediaDevices;
    return (globalThis as { navigator?: { mediaDevices?: LocalMediaDevicesLike } }).navigator?.mediaDevices;
  }

  /** Captures the camera and/or microphone. Rejects with normalised `MEDIA_*` errors. */
  async start(options: LocalMediaStartOptions = {}): Promise<MediaStream> {
    if (this.#state === 'starting' || this.#state === 'started') {
      throw errorFromCode(ErrorCode.VALIDATION_FAILED, `LocalMedia is already ${this.#state}.`);
    }
    const { fallbackToAudioOnly = false, ...rest } = options;
    const wanted = rest.audio === undefined && rest.video === undefined ? { audio: true, video: true } : rest;
    this.#state = 'starting';
    let gum: MediaStream;
    let fallbackError: SmaRTCError | undefined;
    try {
      gum = await this.#getUserMedia({ audio: wanted.audio ?? false, video: wanted.video ?? false });
    } catch (error) {
      const videoFailed = error as SmaRTCError;
      const retry =
        fallbackToAudioOnly &&
        Boolean(wanted.audio) &&
        Boolean(wanted.video) &&
        (videoFailed.code === ErrorCode.MEDIA_DEVICE_NOT_FOUND ||
          videoFailed.code === ErrorCode.MEDIA_DEVICE_IN_USE);
      if (!retry) {
        this.#state = 'idle';
        throw videoFailed;
      }
      try {
        gum = await this.#getUserMedia({ audio: wanted.audio ?? false, video: false });
      } catch (audioError) {
        this.#state = 'idle';
        throw audioError;
      }
      fallbackError = videoFailed;
    }
    if (this.#state !== 'starting') {
      for (const track of gum.getTracks()) track.stop();
      throw errorFromCode(ErrorCode.ABORTED, 'LocalMedia was stopped while starting.');
    }
    const tracks = gum.getTracks();
    const create = this.#options.createStream ?? defaultCreateStream();
    this.#stream = create ? create(tracks) : gum;
    for (const kind of ['audio', 'video'] as const) {
      const track = tracks.find((t) => t.kind === kind) ?? null;
      this.#tracks[kind] = track;
      this.#enabled[kind] = track !== null;
      this.#deviceIds[kind] = track ? deviceIdOf(track) : undefined;
      this.#constraints[kind] = withoutDeviceId(wanted[kind]);
    }
    this.#state = 'started';
    const devices = this.#mediaDevices;
    if (typeof devices?.addEventListener === 'function') {
      devices.addEventListener('devicechange', this.#onDeviceChange);
      this.#deviceSource = devices;
    }
    if (fallbackError) this.emit('error', fallbackError);
    return this.#stream;
  }

  /** Mutes or unmutes the microphone (`track.enabled`; the device stays open). */
  async setAudioEnabled(enabled: boolean): Promise<void> {
    await this.#serial(() => this.#setEnabled('audio', enabled, false));
  }

  /**
   * Turns the camera off or on. Without `release` only `track.enabled` changes (black frames, light stays on).
   * With `release` the camera track is stopped (light off) and `track-replaced('video', old, null)` is emitted;
   * enabling again acquires a new track from the same device and emits `track-replaced('video', null, new)`.
   */
  async setVideoEnabled(enabled: boolean, options: { release?: boolean } = {}): Promise<void> {
    await this.#serial(() => this.#setEnabled('video', enabled, options.release ?? false));
  }

  /** Lists the devices (see {@link listMediaDevices}). */
  listDevices(): Promise<DeviceList> {
    return listMediaDevices(this.#mediaDevices);
  }

  /**
   * Switches the microphone or camera: the new track is acquired first (on failure nothing changes), swapped into
   * the stream, then the old one is stopped, and `track-replaced(kind, old, new)` is emitted (no renegotiation).
   */
  async switchDevice(kind: InputDeviceKind, deviceId: string): Promise<void> {
    await this.#serial(async () => {
      const trackKind = KINDS[kind];
      if (this.#state !== 'started' || this.#tracks[trackKind] === null) {
        this.#deviceIds[trackKind] = deviceId; // used by the next acquisition (e.g. unmuting a released camera)
        return;
      }
      const track = await this.#acquire(trackKind, deviceId);
      this.#replace(trackKind, track);
    });
  }

  /**
   * Shares the screen via `getDisplayMedia` (feature-detected; missing → `MEDIA_UNSUPPORTED`). With `replaceCamera`
   * the screen takes the camera's place in the stream (`track-replaced('video', camera, screen)`) and the camera is
   * restored when sharing ends. Sharing ends with {@link stopScreenShare} or when the user stops it in the browser.
   */
  async startScreenShare(options: { replaceCamera?: boolean } = {}): Promise<MediaStreamTrack> {
    const devices = this.#mediaDevices;
    if (typeof devices?.getDisplayMedia !== 'function') throw errorFromCode(ErrorCode.MEDIA_UNSUPPORTED);
    let display: MediaStream;
    try {
      display = await devices.getDisplayMedia({ video: true });
    } catch (error) {
      throw normalizeMediaError(error);
    }
    const [track, ...others] = display.getVideoTracks();
    for (const other of [...others, ...display.getAudioTracks()]) other.stop();
    if (!track) throw errorFromCode(ErrorCode.MEDIA_UNSUPPORTED, 'getDisplayMedia returned no video track.');
    this.stopScreenShare();
    const replaceCamera = (options.replaceCamera ?? false) && this.#stream !== null;
    const onEnded = (): void => this.#endScreenShare();
    track.addEventListener('ended', onEnded);
    this.#screen = { track, replaceCamera, onEnded };
    if (replaceCamera) this.#swapInStream(this.#tracks.video, track);
    this.emit('screen-share-started', track);
    if (replaceCamera) this.emit('track-replaced', 'video', this.#tracks.video, track);
    return track;
  }

  /** Stops sharing the screen (no-op when not sharing). */
  stopScreenShare(): void {
    const screen = this.#screen;
    if (!screen) return;
    screen.track.stop(); // stop() does not fire `ended`
    this.#endScreenShare();
  }

  /** Stops every track and removes every listener this object added. */
  stop(): void {
    this.stopScreenShare();
    for (const kind of ['audio', 'video'] as const) {
      this.#tracks[kind]?.stop();
      this.#tracks[kind] = null;
      this.#enabled[kind] = false;
    }
    this.#deviceSource?.removeEventListener?.('devicechange', this.#onDeviceChange);
    this.#deviceSource = null;
    this.#stream = null;
    if (this.#state !== 'idle') this.#state = 'stopped';
  }

  async #setEnabled(kind: LocalTrackKind, enabled: boolean, release: boolean): Promise<void> {
    if (this.#state !== 'started') return;
    const track = this.#tracks[kind];
    if (enabled && track === null) {
      const acquired = await this.#acquire(kind, this.#deviceIds[kind]);
      this.#replace(kind, acquired);
    } else if (!enabled && release && track !== null) {
      this.#replace(kind, null);
    } else if (track !== null) {
      track.enabled = enabled;
    }
    if (this.#enabled[kind] === enabled) return;
    this.#enabled[kind] = enabled;
    this.emit('mute-changed', { audio: this.#enabled.audio, video: this.#enabled.video });
  }

  async #handleDeviceChange(): Promise<void> {
    if (this.#state !== 'started') return;
    const devices = await this.listDevices();
    this.emit('devices-changed', devices);
    for (const kind of ['audioinput', 'videoinput'] as const) {
      const trackKind = KINDS[kind];
      const track = this.#tracks[trackKind];
      const deviceId = this.#deviceIds[trackKind];
      if (!track || !deviceId) continue;
      const known = devices[kind].filter((d) => d.deviceId !== '');
      const present = known.length === 0 || known.some((d) => d.deviceId === deviceId);
      if (present && track.readyState !== 'ended') continue;
      this.emit('device-lost', kind, deviceId);
      try {
        this.#replace(trackKind, await this.#acquire(trackKind, undefined));
      } catch (error) {
        this.emit('error', normalizeMediaError(error));
      }
    }
  }

  /** Puts `track` in the place of the current track of `kind`, stops the old one and emits `track-replaced`. */
  #replace(kind: LocalTrackKind, track: MediaStreamTrack | null): void {
    const old = this.#tracks[kind];
    if (track) {
      track.enabled = this.#enabled[kind] || this.#tracks[kind] === null;
      this.#deviceIds[kind] = deviceIdOf(track) ?? this.#deviceIds[kind];
    }
    this.#tracks[kind] = track;
    const sharing = kind === 'video' && this.#screen?.replaceCamera === true;
    if (!sharing) this.#swapInStream(old, track);
    old?.stop();
    if (!sharing) this.emit('track-replaced', kind, old, track);
  }

  #swapInStream(old: MediaStreamTrack | null, track: MediaStreamTrack | null): void {
    if (!this.#stream) return;
    if (track) this.#stream.addTrack(track);
    if (old) this.#stream.removeTrack(old);
  }

  #endScreenShare(): void {
    const screen = this.#screen;
    if (!screen) return;
    this.#screen = null;
    screen.track.removeEventListener('ended', screen.onEnded);
    if (screen.replaceCamera && this.#stream) {
      this.#swapInStream(screen.track, this.#tracks.video);
      this.emit('track-replaced', 'video', screen.track, this.#tracks.video);
    }
    this.emit('screen-share-ended', screen.track);
  }

  async #acquire(kind: LocalTrackKind, deviceId: string | undefined): Promise<MediaStreamTrack> {
    const track = await captureTrack(this.#mediaDevices, kind, this.#constraints[kind], deviceId);
    if (this.#state !== 'started') {
      track.stop();
      throw errorFromCode(ErrorCode.ABORTED, 'LocalMedia was stopped meanwhile.');
    }
    return track;
  }

  #getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    return captureMedia(this.#mediaDevices, constraints);
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation, operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
