import type { ChangeEvent, ReactElement } from 'react';
import type { CallController } from '../callStore.js';
import type { DeviceKind } from '../devices/deviceStore.js';
import { useDevices } from '../hooks/useDevices.js';

/** The label of each select (override with `labels`). */
export const DEVICE_LABELS: Readonly<Record<DeviceKind, string>> = {
  audioinput: 'Microphone',
  videoinput: 'Camera',
  audiooutput: 'Speaker',
};

/** Props of {@link DevicePicker}. */
export interface DevicePickerProps {
  /** The call (default: the provider's). */
  call?: CallController;
  /** Which selects to show, in order (default all three; the speaker only where it can be chosen). */
  kinds?: readonly DeviceKind[];
  labels?: Readonly<Record<DeviceKind, string>>;
  className?: string;
}

const ALL_KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];

/**
 * Microphone, camera and speaker selects, from `useDevices`. The microphone and camera switch on every peer at once
 * (enabled once the call captured its media: `joinOptions={{ media: … }}`); the speaker applies to every
 * `VideoTile` under the same provider and is hidden where the browser cannot choose it. A failed choice shows
 * its error. Class names: `smartc-devices`, `smartc-devices__error`.
 *
 * @example
 * <SmaRTCProvider options={options} sessionId={callId} joinOptions={{ media: { audio: true, video: true } }}>
 *   <DevicePicker />
 * </SmaRTCProvider>
 */
export function DevicePicker({
  call,
  kinds = ALL_KINDS,
  labels = DEVICE_LABELS,
  className,
}: DevicePickerProps): ReactElement {
  const devices = useDevices(call);
  const shown = kinds.filter((kind) => kind !== 'audiooutput' || devices.canSelectOutput);
  return (
    <div className={['smartc-devices', className].filter(Boolean).join(' ')}>
      {shown.map((kind) => (
        <label key={kind}>
          {labels[kind]}
          <select
            value={devices.selected[kind] ?? ''}
            disabled={kind !== 'audiooutput' && !devices.canSwitchInputs}
            onChange={
              (event: ChangeEvent<HTMLSelectElement>) =>
                void devices.select(kind, event.target.value).catch(() => {}) // shown below from `error`
            }
          >
            {devices.selected[kind] === null && <option value="">Default</option>}
            {devices[kind].map((device, i) => (
              <option key={device.deviceId || i} value={device.deviceId}>
                {device.label || `${labels[kind]} ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      ))}
      {devices.error && (
        <p role="alert" className="smartc-devices__error">
          {devices.error.message}
        </p>
      )}
    </div>
  );
}
