import { errorFromCode, TypedEmitter } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';
import { normalizeMediaError } from './normalizeMediaError.js';

/** What the playback helpers use of an `HTMLMediaElement` (`<audio>`/`<video>`). */
export interface PlayableElementLike {
  srcObject: MediaProvider | null;
  muted: boolean;
  play(): Promise<void>;
  setSinkId?(deviceId: string): Promise<void>;
  style?: { transform: string };
}

/** Options of {@link attachStream}. */
export interface AttachStreamOptions {
  /** Mute the element (always for your own preview, to avoid echo). */
  muted?: boolean;
  /** Mirror the picture horizontally (self view). */
  mirror?: boolean;
}

function isAutoplayBlock(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'NotAllowedError';
}

/**
 * Plays `stream` in `element`: sets `srcObject`, `muted` and the mirror transform, then calls `play()`.
 * Resolves `{ blocked: true }` when the browser's autoplay policy refused to play (a `NotAllowedError`): call
 * `play()` again from a user gesture (see {@link PlaybackController.startAudio}). An `AbortError` (the source was
 * replaced meanwhile) is not a failure; other errors reject normalised.
 *
 * @example
 * const { blocked } = await attachStream(videoElement, remoteStream);
 * if (blocked) showClickToUnmuteButton();
 */
export async function attachStream(
  element: PlayableElementLike,
  stream: MediaStream,
  options: AttachStreamOptions = {},
): Promise<{ blocked: boolean }> {
  element.muted = options.muted ?? false;
  if (element.style) element.style.transform = options.mirror ? 'scaleX(-1)' : '';
  element.srcObject = stream;
  try {
    await element.play();
    return { blocked: false };
  } catch (error) {
    if (isAutoplayBlock(error)) return { blocked: true };
    if ((error as { name?: unknown } | null)?.name === 'AbortError') return { blocked: false };
    throw normalizeMediaError(error);
  }
}

/**
 * Whether audio output can be chosen (`HTMLMediaElement.prototype.setSinkId`; missing in Safari/iOS and Node).
 * Pass an element to check that one. Feature detection, never the user agent.
 *
 * @example
 * speakerSelect.hidden = !supportsOutputSelection();
 */
export function supportsOutputSelection(element?: PlayableElementLike): boolean {
  if (element) return typeof element.setSinkId === 'function';
  const proto = (globalThis as { HTMLMediaElement?: { prototype?: PlayableElementLike } }).HTMLMediaElement
    ?.prototype;
  return typeof proto?.setSinkId === 'function';
}

/**
 * Routes `element`'s audio to the output device `deviceId` via `setSinkId`. Rejects with `MEDIA_UNSUPPORTED` when
 * the browser cannot choose outputs, and with normalised errors otherwise (unknown device → `MEDIA_DEVICE_NOT_FOUND`).
 *
 * @example
 * if (supportsOutputSelection()) await setAudioOutput(audioElement, headphonesId);
 */
export async function setAudioOutput(element: PlayableElementLike, deviceId: string): Promise<void> {
  if (typeof element.setSinkId !== 'function') {
    throw errorFromCode(
      ErrorCode.MEDIA_UNSUPPORTED,
      'This browser cannot choose the audio output (no setSinkId).',
    );
  }
  try {
    await element.setSinkId(deviceId);
  } catch (error) {
    throw normalizeMediaError(error);
  }
}

/** The events of {@link PlaybackController}. */
export type PlaybackEvents = {
  /** `canPlaybackAudio` changed: show or hide a "click to enable audio" button. */
  'playback-blocked-changed': [blocked: boolean];
};

/**
 * Plays remote streams and remembers the elements the autoplay policy blocked. `canPlaybackAudio` is false while
 * any is blocked; {@link startAudio} (call it from a click) plays them. A preferred output device is applied to every
 * attached element, including ones attached later, where output selection is supported.
 *
 * @example
 * const playback = new PlaybackController();
 * playback.on('playback-blocked-changed', (blocked) => (enableAudioButton.hidden = !blocked));
 * enableAudioButton.onclick = () => playback.startAudio();
 * await playback.attach(audioElement, remoteStream);
 */
export class PlaybackController extends TypedEmitter<PlaybackEvents> {
  readonly #elements = new Set<PlayableElementLike>();
  readonly #blocked = new Set<PlayableElementLike>();
  #outputDeviceId: string | undefined;

  /** False while the autoplay policy blocks at least one attached element. */
  get canPlaybackAudio(): boolean {
    return this.#blocked.size === 0;
  }

  /** The preferred output device set with {@link setOutputDevice}. */
  get outputDeviceId(): string | undefined {
    return this.#outputDeviceId;
  }

  /** {@link attachStream}, remembering the element (and applying the preferred output when supported). */
  async attach(
    element: PlayableElementLike,
    stream: MediaStream,
    options: AttachStreamOptions = {},
  ): Promise<{ blocked: boolean }> {
    this.#elements.add(element);
    if (this.#outputDeviceId !== undefined && supportsOutputSelection(element)) {
      await setAudioOutput(element, this.#outputDeviceId).catch(() => undefined);
    }
    const result = await attachStream(element, stream, options);
    this.#setBlocked(element, result.blocked);
    return result;
  }

  /** Forgets `element` and clears its `srcObject`. */
  detach(element: PlayableElementLike): void {
    this.#elements.delete(element);
    element.srcObject = null;
    this.#setBlocked(element, false);
  }

  /** Retries `play()` on every blocked element; call it from a user gesture. Resolves `canPlaybackAudio`. */
  async startAudio(): Promise<boolean> {
    await Promise.all(
      [...this.#blocked].map(async (element) => {
        try {
          await element.play();
          this.#setBlocked(element, false);
        } catch (error) {
          if (!isAutoplayBlock(error)) this.#setBlocked(element, false);
        }
      }),
    );
    return this.canPlaybackAudio;
  }

  /** Routes every attached element (and future ones) to `deviceId`; `MEDIA_UNSUPPORTED` without `setSinkId`. */
  async setOutputDevice(deviceId: string): Promise<void> {
    const elements = [...this.#elements];
    if (elements.some((element) => !supportsOutputSelection(element))) {
      throw errorFromCode(
        ErrorCode.MEDIA_UNSUPPORTED,
        'This browser cannot choose the audio output (no setSinkId).',
      );
    }
    await Promise.all(elements.map((element) => setAudioOutput(element, deviceId)));
    this.#outputDeviceId = deviceId;
  }

  /** Detaches every element and removes every listener. */
  dispose(): void {
    for (const element of [...this.#elements]) this.detach(element);
    this.removeAllListeners();
  }

  #setBlocked(element: PlayableElementLike, blocked: boolean): void {
    const before = this.canPlaybackAudio;
    if (blocked) this.#blocked.add(element);
    else this.#blocked.delete(element);
    if (before !== this.canPlaybackAudio) this.emit('playback-blocked-changed', !this.canPlaybackAudio);
  }
}
