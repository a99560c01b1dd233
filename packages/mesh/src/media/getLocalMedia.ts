import { errorFromCode, type SmaRTCError } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';
import { normalizeMediaError } from './normalizeMediaError.js';

/** What {@link getLocalMedia} needs: `navigator.mediaDevices`, or e.g. `mediaDevices` of @roamhq/wrtc. */
export interface MediaDevicesLike {
  getUserMedia(constraints?: MediaStreamConstraints): Promise<MediaStream>;
}

/** Options of {@link getLocalMedia}. */
export interface GetLocalMediaOptions {
  /** Where to capture from; default `globalThis.navigator?.mediaDevices`. */
  mediaDevices?: MediaDevicesLike | undefined;
}

function unsupported(): SmaRTCError {
  return errorFromCode(ErrorCode.MEDIA_UNSUPPORTED);
}

/**
 * Captures local media, feature-detecting `mediaDevices.getUserMedia` (missing in insecure contexts
 * and in Node without an injected implementation), and rejects with normalised errors
 * (see {@link normalizeMediaError}).
 *
 * @example
 * import wrtc from '@roamhq/wrtc';
 * // browser
 * const stream = await getLocalMedia({ audio: true, video: true });
 * // Node bot
 * const botStream = await getLocalMedia({ audio: true }, { mediaDevices: wrtc.mediaDevices });
 */
export async function getLocalMedia(
  constraints: MediaStreamConstraints,
  options: GetLocalMediaOptions = {},
): Promise<MediaStream> {
  const devices =
    'mediaDevices' in options
      ? options.mediaDevices
      : (globalThis as { navigator?: { mediaDevices?: MediaDevicesLike } }).navigator?.mediaDevices;
  if (typeof devices?.getUserMedia !== 'function') throw unsupported();
  try {
    return await devices.getUserMedia(constraints);
  } catch (error) {
    throw normalizeMediaError(error);
  }
}
