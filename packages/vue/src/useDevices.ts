import { errorFromCode, type SmaRTCError } from '@smartc/core';
import {
  type Call,
  type DeviceList,
  type InputDeviceKind,
  type LocalMediaDevicesLike,
  listMediaDevices,
  normalizeMediaError,
  supportsOutputSelection,
} from '@smartc/mesh';
import { type ComputedRef, computed, onScopeDispose, shallowRef, watch } from 'vue';
import { audioOutputOf } from './audioOutput.js';
import { resolveCall } from './callContext.js';
import { snapshotRef } from './snapshotRef.js';

/** A device kind you can choose: microphone, camera or speaker. */
export type DeviceKind = InputDeviceKind | 'audiooutput';

/** The deviceId in use (inputs) or chosen (speaker) per kind; `null`: none, unknown, or the default speaker. */
export type SelectedDevices = Readonly<Record<DeviceKind, string | null>>;

/** Options of {@link useDevices}. */
export interface UseDevicesOptions {
  /** Where devices are listed; default `navigator.mediaDevices` (looked up when first needed). */
  mediaDevices?: LocalMediaDevicesLike;
}

/** What {@link useDevices} returns. */
export interface UseDevicesReturn {
  /** Microphones; labels are empty until a capture permission was granted. */
  audioinput: ComputedRef<ReadonlyArray<MediaDeviceInfo>>;
  videoinput: ComputedRef<ReadonlyArray<MediaDeviceInfo>>;
  audiooutput: ComputedRef<ReadonlyArray<MediaDeviceInfo>>;
  selected: ComputedRef<SelectedDevices>;
  /** Whether the microphone and camera can be switched now: the call captured them (`join(id, { media })`). */
  canSwitchInputs: ComputedRef<boolean>;
  /** Whether the speaker can be chosen (`setSinkId`; not in Safari/iOS). */
  canSelectOutput: ComputedRef<boolean>;
  /** Why listing failed (e.g. `MEDIA_UNSUPPORTED`) or the last failed selection, else `null`. */
  error: ComputedRef<SmaRTCError | null>;
  /**
   * Switches the call's microphone or camera (every peer gets the new track), or chooses the speaker of every
   * `VideoTile` of the call. Rejects (and sets `error`) when that is not possible.
   */
  select: (kind: DeviceKind, deviceId: string) => Promise<void>;
  /** Lists again (done for you on `devicechange` and when your stream changes). */
  refresh: () => Promise<void>;
}

const NO_DEVICES: DeviceList = Object.freeze({ audioinput: [], videoinput: [], audiooutput: [] });

function deviceIdOf(track: MediaStreamTrack | null | undefined): string | null {
  return track?.getSettings?.().deviceId || null;
}

/**
 * The microphones, cameras and speakers, kept up to date (`devicechange`, and after a permission is granted), the
 * ones in use, and `select()` to switch the call's microphone or camera while it runs, or to choose the speaker.
 *
 * @param call - a call of yours; default: the provided one.
 * @example
 * <script setup lang="ts">
 * import { useDevices } from '@smartc/vue';
 * const { videoinput, selected, canSwitchInputs, select } = useDevices();
 * </script>
 * <template>
 *   <select :disabled="!canSwitchInputs"
 *     @change="select('videoinput', ($event.target as HTMLSelectElement).value)">
 *     <option v-for="d in videoinput" :key="d.deviceId" :value="d.deviceId"
 *       :selected="d.deviceId === selected.videoinput">{{ d.label || 'Camera' }}</option>
 *   </select>
 * </template>
 */
export function useDevices(call?: Call, options: UseDevicesOptions = {}): UseDevicesReturn {
  const resolved = resolveCall(call, 'useDevices');
  const snapshot = snapshotRef(resolved);
  const output = audioOutputOf(resolved);
  const devices = shallowRef<DeviceList>(NO_DEVICES);
  const error = shallowRef<SmaRTCError | null>(null);
  const source = () =>
    options.mediaDevices ??
    (globalThis as { navigator?: { mediaDevices?: LocalMediaDevicesLike } }).navigator?.mediaDevices;

  let listing = 0;
  let listingFailed = false; // a successful listing clears its own error, not a failed selection's
  const refresh = async (): Promise<void> => {
    const attempt = ++listing;
    try {
      const list = await listMediaDevices(source());
      if (attempt !== listing) return;
      devices.value = list;
      if (listingFailed) error.value = null;
      listingFailed = false;
    } catch (e) {
      if (attempt !== listing) return;
      error.value = normalizeMediaError(e);
      listingFailed = true;
    }
  };

  // The call's own media swaps tracks inside the same stream: `track-replaced` says when to read them again.
  const trackChanges = shallowRef(0);
  const selected = computed<SelectedDevices>((previous) => {
    void trackChanges.value;
    const media = resolved.localMedia;
    const stream = snapshot.value.self.stream;
    const next = {
      audioinput: deviceIdOf(media ? media.audioTrack : stream?.getAudioTracks()[0]),
      videoinput: deviceIdOf(media ? media.videoTrack : stream?.getVideoTracks()[0]),
      audiooutput: output.value,
    };
    const same =
      previous &&
      previous.audioinput === next.audioinput &&
      previous.videoinput === next.videoinput &&
      previous.audiooutput === next.audiooutput;
    return same ? previous : Object.freeze(next);
  });

  let offTrackReplaced: (() => void) | undefined;
  watch(
    () => snapshot.value.self.stream,
    () => {
      offTrackReplaced?.();
      offTrackReplaced = resolved.localMedia?.on('track-replaced', () => trackChanges.value++);
      void refresh(); // a new capture: labels may be readable now
    },
    { immediate: true, flush: 'sync' },
  );

  const devicesSource = source();
  const onDeviceChange = (): void => void refresh();
  devicesSource?.addEventListener?.('devicechange', onDeviceChange);
  onScopeDispose(() => {
    listing += 1;
    offTrackReplaced?.();
    devicesSource?.removeEventListener?.('devicechange', onDeviceChange);
  });

  const canSelectOutput = computed(() => supportsOutputSelection());
  return {
    audioinput: computed(() => devices.value.audioinput),
    videoinput: computed(() => devices.value.videoinput),
    audiooutput: computed(() => devices.value.audiooutput),
    selected,
    canSwitchInputs: computed(
      () => snapshot.value.self.stream !== null && resolved.localMedia?.state === 'started',
    ),
    canSelectOutput,
    error: computed(() => error.value),
    refresh,
    select: async (kind, deviceId) => {
      try {
        if (kind !== 'audiooutput') await resolved.switchDevice(kind, deviceId);
        else if (canSelectOutput.value) output.value = deviceId;
        else
          throw errorFromCode('MEDIA_UNSUPPORTED', 'This browser cannot choose the speaker (no setSinkId).');
      } catch (e) {
        error.value = normalizeMediaError(e);
        throw error.value;
      }
    },
  };
}
