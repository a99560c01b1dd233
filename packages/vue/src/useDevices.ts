import type { SmaRTCError } from '@smartc/core';
import {
  type Call,
  type DeviceList,
  type InputDeviceKind,
  type LocalMediaDevicesLike,
  listMediaDevices,
  normalizeMediaError,
} from '@smartc/mesh';
import { type ComputedRef, computed, onScopeDispose, shallowRef, watch } from 'vue';
import { resolveCall } from './callContext.js';
import { snapshotRef } from './snapshotRef.js';

/** Options of {@link useDevices}. */
export interface UseDevicesOptions {
  /** Where devices are listed; default `navigator.mediaDevices` (looked up when first needed). */
  mediaDevices?: LocalMediaDevicesLike;
}

/** The device in use for each input kind (`undefined`: none, or unknown). */
export type ActiveDevices = Readonly<Record<InputDeviceKind, string | undefined>>;

/** What {@link useDevices} returns. */
export interface UseDevicesReturn {
  /** Every device, by kind; labels are empty until a capture permission was granted. */
  devices: ComputedRef<DeviceList>;
  audioInputs: ComputedRef<MediaDeviceInfo[]>;
  videoInputs: ComputedRef<MediaDeviceInfo[]>;
  audioOutputs: ComputedRef<MediaDeviceInfo[]>;
  /** The deviceId of the microphone and camera being sent. */
  active: ComputedRef<ActiveDevices>;
  /** Whether {@link UseDevicesReturn.select} can switch now: the call captured its own media and is running. */
  canSwitch: ComputedRef<boolean>;
  /** Why listing failed (e.g. `MEDIA_UNSUPPORTED`), else `null`. */
  error: ComputedRef<SmaRTCError | null>;
  /** Lists again (done for you on `devicechange` and when your stream changes). */
  refresh: () => Promise<void>;
  /** Switches the call's microphone or camera (`call.switchDevice`): every peer gets the new track. */
  select: (kind: InputDeviceKind, deviceId: string) => Promise<void>;
}

const NO_DEVICES: DeviceList = Object.freeze({ audioinput: [], videoinput: [], audiooutput: [] });

function deviceIdOf(track: MediaStreamTrack | null | undefined): string | undefined {
  return track?.getSettings?.().deviceId || undefined;
}

/**
 * The microphones, cameras and speakers, kept up to date (`devicechange`, and after a permission is granted), the
 * devices in use, and `select()` to switch the call's microphone or camera while it runs.
 *
 * @param call - a call of yours; default: the provided one.
 * @example
 * <script setup lang="ts">
 * import { useDevices } from '@smartc/vue';
 * const { videoInputs, active, canSwitch, select } = useDevices();
 * </script>
 * <template>
 *   <select :value="active.videoinput" :disabled="!canSwitch"
 *     @change="select('videoinput', ($event.target as HTMLSelectElement).value)">
 *     <option v-for="d in videoInputs" :key="d.deviceId" :value="d.deviceId">{{ d.label || 'Camera' }}</option>
 *   </select>
 * </template>
 */
export function useDevices(call?: Call, options: UseDevicesOptions = {}): UseDevicesReturn {
  const resolved = resolveCall(call, 'useDevices');
  const snapshot = snapshotRef(resolved);
  const devices = shallowRef<DeviceList>(NO_DEVICES);
  const error = shallowRef<SmaRTCError | null>(null);
  const source = () =>
    options.mediaDevices ??
    (globalThis as { navigator?: { mediaDevices?: LocalMediaDevicesLike } }).navigator?.mediaDevices;

  let listing = 0;
  const refresh = async (): Promise<void> => {
    const attempt = ++listing;
    try {
      const list = await listMediaDevices(source());
      if (attempt !== listing) return;
      devices.value = list;
      error.value = null;
    } catch (e) {
      if (attempt === listing) error.value = normalizeMediaError(e);
    }
  };

  // The call's own media swaps tracks inside the same stream: `track-replaced` says when to read them again.
  const trackChanges = shallowRef(0);
  const active = computed<ActiveDevices>((previous) => {
    void trackChanges.value;
    const media = resolved.localMedia;
    const stream = snapshot.value.self.stream;
    const audioinput = deviceIdOf(media ? media.audioTrack : stream?.getAudioTracks()[0]);
    const videoinput = deviceIdOf(media ? media.videoTrack : stream?.getVideoTracks()[0]);
    return previous && previous.audioinput === audioinput && previous.videoinput === videoinput
      ? previous
      : Object.freeze({ audioinput, videoinput });
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

  return {
    devices: computed(() => devices.value),
    audioInputs: computed(() => devices.value.audioinput),
    videoInputs: computed(() => devices.value.videoinput),
    audioOutputs: computed(() => devices.value.audiooutput),
    active,
    canSwitch: computed(
      () => snapshot.value.self.stream !== null && resolved.localMedia?.state === 'started',
    ),
    error: computed(() => error.value),
    refresh,
    select: (kind, deviceId) => resolved.switchDevice(kind, deviceId),
  };
}
