import { errorFromCode } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';
import type { MediaDevicesLike } from './getLocalMedia.js';
import { normalizeMediaError } from './normalizeMediaError.js';

/** An input device kind that {@link LocalMedia} captures from. */
export type InputDeviceKind = 'audioinput' | 'videoinput';

/** Devices by kind. Labels (and sometimes ids) are empty until the user granted a permission. */
export interface DeviceList {
  audioinput: MediaDeviceInfo[];
  videoinput: MediaDeviceInfo[];
  audiooutput: MediaDeviceInfo[];
}

/**
 * Everything {@link LocalMedia} may use of `navigator.mediaDevices`. Only `getUserMedia` is required; the rest is
 * feature-detected (Node's @roamhq/wrtc has neither `getDisplayMedia` nor `enumerateDevices`).
 */
export interface LocalMediaDevicesLike extends MediaDevicesLike {
  getDisplayMedia?(options?: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices?(): Promise<MediaDeviceInfo[]>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
}

/**
 * Lists devices grouped by kind, feature-detecting `enumerateDevices` (missing → `MEDIA_UNSUPPORTED`).
 *
 * @example
 * const { videoinput } = await listMediaDevices(navigator.mediaDevices);
 * cameraSelect.replaceChildren(...videoinput.map((d) => new Option(d.label || 'Camera', d.deviceId)));
 */
export async function listMediaDevices(mediaDevices: LocalMediaDevicesLike | undefined): Promise<DeviceList> {
  if (typeof mediaDevices?.enumerateDevices !== 'function') throw errorFromCode(ErrorCode.MEDIA_UNSUPPORTED);
  let all: MediaDeviceInfo[];
  try {
    all = await mediaDevices.enumerateDevices();
  } catch (error) {
    throw normalizeMediaError(error);
  }
  const list: DeviceList = { audioinput: [], videoinput: [], audiooutput: [] };
  for (const device of all) list[device.kind]?.push(device);
  return list;
}
