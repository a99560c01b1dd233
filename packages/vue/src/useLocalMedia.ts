import type { Call, CallSelf, InputDeviceKind } from '@smartc/mesh';
import { type ComputedRef, computed } from 'vue';
import { resolveCall } from './callContext.js';
import { snapshotRef } from './snapshotRef.js';

/** What {@link useLocalMedia} returns: your media as readonly refs, and the call's media actions. */
export interface UseLocalMediaReturn {
  /** The stream you send (your preview); `null` before joining with media. */
  stream: ComputedRef<MediaStream | null>;
  /** What you announce: `{ audio, video, screen }`. */
  media: ComputedRef<CallSelf['media']>;
  microphoneEnabled: ComputedRef<boolean>;
  cameraEnabled: ComputedRef<boolean>;
  screenSharing: ComputedRef<boolean>;
  setMicrophoneEnabled: (enabled: boolean) => Promise<void>;
  /** `release`: stop the camera (light off) rather than sending black frames; Call-owned media only. */
  setCameraEnabled: (enabled: boolean, options?: { release?: boolean }) => Promise<void>;
  toggleMicrophone: () => Promise<void>;
  toggleCamera: (options?: { release?: boolean }) => Promise<void>;
  /** Rejects with a `MEDIA_*` `SmaRTCError` when the user refuses or the browser cannot share. */
  startScreenShare: () => Promise<MediaStreamTrack>;
  stopScreenShare: () => Promise<void>;
  toggleScreenShare: () => Promise<void>;
  /** Switches the microphone or camera the call captured (every peer gets the new track); see also `useDevices`. */
  switchDevice: (kind: InputDeviceKind, deviceId: string) => Promise<void>;
}

/**
 * Your camera, microphone and screen share: state from the snapshot, actions forwarded to the call (they reach
 * every peer, and every peer's snapshot shows the change).
 *
 * @param call - a call of yours; default: the provided one.
 * @example
 * <script setup lang="ts">
 * import { useLocalMedia } from '@smartc/vue';
 * const { microphoneEnabled, cameraEnabled, screenSharing, toggleMicrophone, toggleCamera, toggleScreenShare } =
 *   useLocalMedia();
 * </script>
 * <template>
 *   <button @click="toggleMicrophone()">{{ microphoneEnabled ? 'Mute' : 'Unmute' }}</button>
 *   <button @click="toggleCamera({ release: true })">{{ cameraEnabled ? 'Camera off' : 'Camera on' }}</button>
 *   <button @click="toggleScreenShare()">{{ screenSharing ? 'Stop sharing' : 'Share screen' }}</button>
 * </template>
 */
export function useLocalMedia(call?: Call): UseLocalMediaReturn {
  const resolved = resolveCall(call, 'useLocalMedia');
  const snapshot = snapshotRef(resolved);
  const media = computed(() => snapshot.value.self.media);
  const microphoneEnabled = computed(() => media.value.audio);
  const cameraEnabled = computed(() => media.value.video);
  const screenSharing = computed(() => snapshot.value.self.screenSharing);
  const setMicrophoneEnabled = (enabled: boolean) => resolved.setMicrophoneEnabled(enabled);
  const setCameraEnabled = (enabled: boolean, options?: { release?: boolean }) =>
    resolved.setCameraEnabled(enabled, options);
  const startScreenShare = () => resolved.startScreenShare();
  const stopScreenShare = () => resolved.stopScreenShare();
  return {
    stream: computed(() => snapshot.value.self.stream),
    media,
    microphoneEnabled,
    cameraEnabled,
    screenSharing,
    setMicrophoneEnabled,
    setCameraEnabled,
    toggleMicrophone: () => setMicrophoneEnabled(!microphoneEnabled.value),
    toggleCamera: (options) => setCameraEnabled(!cameraEnabled.value, options),
    startScreenShare,
    stopScreenShare,
    toggleScreenShare: async () => {
      if (screenSharing.value) await stopScreenShare();
      else await startScreenShare();
    },
    switchDevice: (kind, deviceId) => resolved.switchDevice(kind, deviceId),
  };
}
