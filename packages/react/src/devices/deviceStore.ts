import type { SmaRTCError } from '@smartc/core';
import {
  type DeviceList,
  type LocalMediaDevicesLike,
  listMediaDevices,
  normalizeMediaError,
  supportsOutputSelection,
} from '@smartc/mesh';

/** A device kind a `DevicePicker` offers: microphone, camera or speaker. */
export type DeviceKind = keyof DeviceList;

/** The chosen device of each kind (`null`: the default, or not known yet). */
export type SelectedDevices = Readonly<Record<DeviceKind, string | null>>;

/** What {@link DeviceStore} holds. Replaced (never mutated) when something changed. */
export interface DevicesState {
  readonly audioinput: ReadonlyArray<MediaDeviceInfo>;
  readonly videoinput: ReadonlyArray<MediaDeviceInfo>;
  readonly audiooutput: ReadonlyArray<MediaDeviceInfo>;
  readonly selected: SelectedDevices;
  /** Whether the speaker can be chosen (`setSinkId`; not in Safari/iOS). */
  readonly canSelectOutput: boolean;
  /** Why the devices could not be listed (e.g. `MEDIA_UNSUPPORTED`), or the last failed selection. */
  readonly error: SmaRTCError | null;
}

const KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];
const NONE: ReadonlyArray<MediaDeviceInfo> = Object.freeze([]);

/** The state before anything was listed, and on the server. */
export const NO_DEVICES: DevicesState = Object.freeze({
  audioinput: NONE,
  videoinput: NONE,
  audiooutput: NONE,
  selected: Object.freeze({ audioinput: null, videoinput: null, audiooutput: null }),
  canSelectOutput: false,
  error: null,
});

function sameDevices(a: ReadonlyArray<MediaDeviceInfo>, b: ReadonlyArray<MediaDeviceInfo>): boolean {
  return a.length === b.length && a.every((d, i) => d.deviceId === b[i]?.deviceId && d.label === b[i]?.label);
}

/**
 * The media devices as a store (`subscribe` + `getSnapshot`), shared by everything under one `SmaRTCProvider`:
 * the lists (refreshed on `devicechange` while someone {@link watch}es), the chosen devices, and whether the
 * speaker can be chosen. It touches `navigator` only once watched, so it can be created during server rendering.
 *
 * @example
 * const store = new DeviceStore();
 * const stop = store.watch();
 * store.subscribe(() => console.log(store.getSnapshot().videoinput.map((d) => d.label)));
 */
export class DeviceStore {
  readonly #mediaDevices: (() => LocalMediaDevicesLike | undefined) | undefined;
  readonly #listeners = new Set<() => void>();
  #state: DevicesState = NO_DEVICES;
  #watchers = 0;
  #source: LocalMediaDevicesLike | undefined;
  #refreshing = 0;

  /** `mediaDevices`: where devices come from (default `navigator.mediaDevices`, looked up when watched). */
  constructor(mediaDevices?: () => LocalMediaDevicesLike | undefined) {
    this.#mediaDevices = mediaDevices;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): DevicesState => this.#state;

  /** How many listeners are subscribed (for tests and leak checks). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Lists the devices now and on every `devicechange` until the returned function is called (reference-counted). */
  watch(): () => void {
    this.#watchers += 1;
    if (this.#watchers === 1) {
      this.#source = this.#mediaDevices ? this.#mediaDevices() : defaultMediaDevices();
      this.#source?.addEventListener?.('devicechange', this.#onDeviceChange);
      void this.refresh();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#watchers -= 1;
      if (this.#watchers === 0) {
        this.#source?.removeEventListener?.('devicechange', this.#onDeviceChange);
        this.#source = undefined;
      }
    };
  }

  /** Lists the devices again (labels appear once the user allowed a camera or microphone). */
  async refresh(): Promise<void> {
    const source = this.#source ?? (this.#mediaDevices ? this.#mediaDevices() : defaultMediaDevices());
    const attempt = ++this.#refreshing;
    try {
      const list = await listMediaDevices(source);
      if (attempt !== this.#refreshing) return; // a later refresh wins
      const next: Partial<Record<DeviceKind, ReadonlyArray<MediaDeviceInfo>>> = {};
      for (const kind of KINDS)
        next[kind] = sameDevices(this.#state[kind], list[kind])
          ? this.#state[kind]
          : Object.freeze(list[kind]);
      this.#update({ ...next, canSelectOutput: supportsOutputSelection(), error: null });
    } catch (error) {
      if (attempt === this.#refreshing) this.#update({ error: normalizeMediaError(error) });
    }
  }

  /** Records the chosen device of `kind` (the caller switched it); no change, no notification. */
  setSelected(kind: DeviceKind, deviceId: string | null): void {
    if (this.#state.selected[kind] === deviceId) return;
    this.#update({ selected: Object.freeze({ ...this.#state.selected, [kind]: deviceId }) });
  }

  /** Records a failed selection, so pickers can show it (`null` clears it). */
  setError(error: unknown): void {
    this.#update({ error: error === null ? null : normalizeMediaError(error) });
  }

  readonly #onDeviceChange = (): void => {
    void this.refresh();
  };

  #update(changes: Partial<DevicesState>): void {
    const keys = Object.keys(changes) as Array<keyof DevicesState>;
    if (keys.every((key) => Object.is(this.#state[key], changes[key]))) return;
    this.#state = Object.freeze({ ...this.#state, ...changes });
    for (const listener of [...this.#listeners]) listener();
  }
}

function defaultMediaDevices(): LocalMediaDevicesLike | undefined {
  return (globalThis as { navigator?: { mediaDevices?: LocalMediaDevicesLike } }).navigator?.mediaDevices;
}
