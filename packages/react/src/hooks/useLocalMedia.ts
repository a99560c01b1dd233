import type { CallSnapshot, InputDeviceKind, LocalMedia } from '@smartc/mesh';
import { useMemo } from 'react';
import type { CallController } from '../callStore.js';
import { useEnsureCall } from '../context.js';
import { useCallSelector } from './useCallSelector.js';

/** Your media's actions; they keep their identity as long as the call does. */
export interface LocalMediaActions {
  setMicrophoneEnabled(enabled: boolean): Promise<void>;
  /** With `release`, a camera the call captured is stopped (light off) and re-acquired when enabled again. */
  setCameraEnabled(enabled: boolean, options?: { release?: boolean }): Promise<void>;
  /** Mutes or unmutes the microphone, from the latest state. */
  toggleMicrophone(): Promise<void>;
  /** Turns the camera off or on, from the latest state. */
  toggleCamera(options?: { release?: boolean }): Promise<void>;
  /** Sends the screen in place of the camera to every peer (restored when sharing stops). */
  startScreenShare(): Promise<MediaStreamTrack>;
  stopScreenShare(): Promise<void>;
  /** Switches the microphone or camera the call captured (every peer gets the new track). */
  switchDevice(kind: InputDeviceKind, deviceId: string): Promise<void>;
}

/** What {@link useLocalMedia} returns: the same object until your media state changes. */
export interface UseLocalMediaResult extends LocalMediaActions {
  /** What you send (your preview); `null` before media is captured or passed. */
  readonly stream: MediaStream | null;
  readonly microphoneEnabled: boolean;
  readonly cameraEnabled: boolean;
  readonly screenSharing: boolean;
  /** The media the call captured itself (`join(id, { media })`), for devices and tracks; null otherwise. */
  readonly localMedia: LocalMedia | null;
}

const selectSelf = (s: CallSnapshot) => s.self;

/**
 * Your camera, microphone and screen share in the call: state and actions. Re-renders only when your own media
 * state changes. The call is the argument, else the provider's.
 *
 * @example
 * function Controls() {
 *   const { microphoneEnabled, cameraEnabled, screenSharing, toggleMicrophone, toggleCamera,
 *     startScreenShare, stopScreenShare } = useLocalMedia();
 *   return (
 *     <>
 *       <button type="button" onClick={toggleMicrophone}>{microphoneEnabled ? 'Mute' : 'Unmute'}</button>
 *       <button type="button" onClick={() => toggleCamera({ release: true })}>
 *         {cameraEnabled ? 'Camera off' : 'Camera on'}
 *       </button>
 *       <button type="button" onClick={screenSharing ? stopScreenShare : startScreenShare}>Share screen</button>
 *     </>
 *   );
 * }
 */
export function useLocalMedia(call?: CallController): UseLocalMediaResult {
  const controller = useEnsureCall(call);
  const self = useCallSelector(selectSelf, Object.is, controller);
  const actions = useMemo<LocalMediaActions>(
    () => ({
      setMicrophoneEnabled: (enabled) => controller.setMicrophoneEnabled(enabled),
      setCameraEnabled: (enabled, options) => controller.setCameraEnabled(enabled, options),
      toggleMicrophone: () => controller.setMicrophoneEnabled(!controller.getSnapshot().self.media.audio),
      toggleCamera: (options) =>
        controller.setCameraEnabled(!controller.getSnapshot().self.media.video, options),
      startScreenShare: () => controller.startScreenShare(),
      stopScreenShare: () => controller.stopScreenShare(),
      switchDevice: (kind, deviceId) => controller.switchDevice(kind, deviceId),
    }),
    [controller],
  );
  return useMemo(
    () => ({
      stream: self.stream,
      microphoneEnabled: self.media.audio,
      cameraEnabled: self.media.video,
      screenSharing: self.screenSharing,
      // which media the call owns changes together with `self.stream`
      localMedia: controller.localMedia,
      ...actions,
    }),
    [self, controller, actions],
  );
}
