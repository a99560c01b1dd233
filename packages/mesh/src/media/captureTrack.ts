import { errorFromCode } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';
import type { MediaDevicesLike } from './getLocalMedia.js';
import { normalizeMediaError } from './normalizeMediaError.js';

// Internal helpers of LocalMedia (not exported from the package).

/** getUserMedia, feature-detected (`MEDIA_UNSUPPORTED`), with normalised errors. */
export async function captureMedia(
  devices: MediaDevicesLike | undefined,
  constraints: MediaStreamConstraints,
): Promise<MediaStream> {
  if (typeof devices?.getUserMedia !== 'function') throw errorFromCode(ErrorCode.MEDIA_UNSUPPORTED);
  try {
    return await devices.getUserMedia(constraints);
  } catch (error) {
    throw normalizeMediaError(error);
  }
}

/** Captures one track of `kind`, from `deviceId` exactly when given, else from the default device. */
export async function captureTrack(
  devices: MediaDevicesLike | undefined,
  kind: 'audio' | 'video',
  constraints: MediaTrackConstraints,
  deviceId: string | undefined,
): Promise<MediaStreamTrack> {
  const constraint: MediaTrackConstraints = { ...constraints };
  if (deviceId) constraint.deviceId = { exact: deviceId };
  const other = kind === 'audio' ? 'video' : 'audio';
  const stream = await captureMedia(devices, {
    [kind]: Object.keys(constraint).length ? constraint : true,
    [other]: false,
  });
  const tracks = stream.getTracks();
  const track = tracks.find((t) => t.kind === kind);
  for (const t of tracks) if (t !== track) t.stop();
  if (!track) throw errorFromCode(ErrorCode.MEDIA_DEVICE_NOT_FOUND);
  return track;
}

/** The track constraints of a start() option, minus `deviceId` (the device is chosen separately). */
export function withoutDeviceId(
  constraint: boolean | MediaTrackConstraints | undefined,
): MediaTrackConstraints {
  if (typeof constraint !== 'object') return {};
  const { deviceId: _ignored, ...rest } = constraint;
  return rest;
}

/** The device a track captures from (`getSettings().deviceId`), if known. */
export function deviceIdOf(track: MediaStreamTrack): string | undefined {
  const id = typeof track.getSettings === 'function' ? track.getSettings().deviceId : undefined;
  return id === '' ? undefined : id;
}

/** `new MediaStream(tracks)` where the global exists (browsers), looked up when called. */
export function defaultCreateStream(): ((tracks: MediaStreamTrack[]) => MediaStream) | undefined {
  return typeof globalThis.MediaStream === 'function' ? (tracks) => new MediaStream(tracks) : undefined;
}
