import { errorFromCode } from '@smartc/core';
import type { CallSnapshot, LocalMedia } from '@smartc/mesh';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CallController } from '../callStore.js';
import { useEnsureCall, useMaybeDeviceStore } from '../context.js';
import { type DeviceKind, DeviceStore, type DevicesState, NO_DEVICES } from '../devices/deviceStore.js';
import { useCallSelector } from './useCallSelector.js';

/** What {@link useDevices} returns: the same object until the devices, the choices or the call's media change. */
export interface UseDevicesResult extends DevicesState {
  /** Whether the microphone and camera can be switched now (the call captured them: `join(id, { media })`). */
  readonly canSwitchInputs: boolean;
  /**
   * Chooses a device: a microphone or camera is switched on every peer at once; a speaker applies to every
   * `VideoTile` under the same provider. Rejects (and sets `error`) when that is not possible.
   */
  select(kind: DeviceKind, deviceId: string): Promise<void>;
  /** Lists the devices again. */
  refresh(): Promise<void>;
}

const selectStream = (s: CallSnapshot) => s.self.stream;

function inputDeviceId(localMedia: LocalMedia | null, kind: 'audio' | 'video'): string | null {
  const track = kind === 'audio' ? localMedia?.audioTrack : localMedia?.videoTrack;
  return track?.getSettings?.().deviceId || null;
}

/**
 * The microphones, cameras and speakers (kept up to date on `devicechange`; labels appear once a permission was
 * granted), which ones are in use, and `select` to switch. Under a `SmaRTCProvider` the chosen speaker is shared
 * with every `VideoTile`; the call is the argument, else the provider's.
 *
 * @example
 * function CameraSelect() {
 *   const { videoinput, selected, select, canSwitchInputs } = useDevices();
 *   return (
 *     <select disabled={!canSwitchInputs} value={selected.videoinput ?? ''}
 *       onChange={(e) => select('videoinput', e.target.value)}>
 *       {videoinput.map((d) => <option key={d.deviceId} value={d.deviceId}>{d.label || 'Camera'}</option>)}
 *     </select>
 *   );
 * }
 */
export function useDevices(call?: CallController): UseDevicesResult {
  const controller = useEnsureCall(call);
  const shared = useMaybeDeviceStore();
  const [own] = useState(() => (shared ? null : new DeviceStore()));
  const store = (shared ?? own) as DeviceStore;
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, () => NO_DEVICES);
  const stream = useCallSelector(selectStream, Object.is, controller);
  const localMedia = useMemo(() => (stream ? controller.localMedia : null), [stream, controller]);

  useEffect(() => store.watch(), [store]);
  // Labels (and the devices in use) are known once media was captured; follow a lost device's replacement too.
  useEffect(() => {
    if (!localMedia) return;
    void store.refresh();
    const sync = () => {
      // a released camera has no track: it stays the chosen one
      const audio = inputDeviceId(localMedia, 'audio');
      const video = inputDeviceId(localMedia, 'video');
      if (audio) store.setSelected('audioinput', audio);
      if (video) store.setSelected('videoinput', video);
    };
    sync();
    return localMedia.on('track-replaced', sync);
  }, [store, localMedia]);

  const actions = useMemo(
    () => ({
      select: async (kind: DeviceKind, deviceId: string): Promise<void> => {
        try {
          if (kind === 'audiooutput') {
            if (!store.getSnapshot().canSelectOutput)
              throw errorFromCode(
                'MEDIA_UNSUPPORTED',
                'This browser cannot choose the speaker (no setSinkId).',
              );
          } else {
            await controller.switchDevice(kind, deviceId);
          }
          store.setSelected(kind, deviceId);
          store.setError(null);
        } catch (error) {
          store.setError(error);
          throw error;
        }
      },
      refresh: () => store.refresh(),
    }),
    [store, controller],
  );
  return useMemo(
    () => ({ ...state, canSwitchInputs: localMedia !== null, ...actions }),
    [state, localMedia, actions],
  );
}
