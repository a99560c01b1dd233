import { SmaRTCError } from '@smartc/core';

/**
 * The WebRTC classes SmaRTC needs. Browsers provide them as globals; in Node pass an implementation
 * such as `@roamhq/wrtc` (tested) or `werift`.
 *
 * @example
 * import wrtc from '@roamhq/wrtc';
 * const webrtc: WebRTCImplementation = wrtc as unknown as WebRTCImplementation;
 */
export interface WebRTCImplementation {
  RTCPeerConnection: typeof RTCPeerConnection;
  RTCSessionDescription: typeof RTCSessionDescription;
  RTCIceCandidate: typeof RTCIceCandidate;
  MediaStream: typeof MediaStream;
}

/** What {@link resolveWebRTC} accepts: a full or partial implementation (its gaps fall back to globals). */
export type WebRTCOption = Partial<WebRTCImplementation> | { [key: string]: unknown };

const KEYS = ['RTCPeerConnection', 'RTCSessionDescription', 'RTCIceCandidate', 'MediaStream'] as const;

/**
 * Picks the WebRTC implementation: the `webrtc` option, else the browser globals (looked up now,
 * never at import time), else throws `MEDIA_UNSUPPORTED`. Feature detection only, no user-agent checks.
 *
 * @example
 * import wrtc from '@roamhq/wrtc';
 * const { RTCPeerConnection } = resolveWebRTC(wrtc); // Node
 * const browser = resolveWebRTC(); // browser globals
 */
export function resolveWebRTC(option?: WebRTCOption): WebRTCImplementation {
  const given = (option ?? {}) as Record<string, unknown>;
  const globals = globalThis as unknown as Record<string, unknown>;
  const resolved: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const key of KEYS) {
    const value = typeof given[key] === 'function' ? given[key] : globals[key];
    if (typeof value === 'function') resolved[key] = value;
    else missing.push(key);
  }
  if (missing.length > 0) {
    throw new SmaRTCError(
      'MEDIA_UNSUPPORTED',
      `No WebRTC implementation found (missing ${missing.join(', ')}). In Node or other non-browser runtimes, ` +
        "pass `webrtc` (e.g. `import wrtc from '@roamhq/wrtc'` and `{ webrtc: wrtc }`).",
    );
  }
  return resolved as unknown as WebRTCImplementation;
}

/** True when this implementation's RTCPeerConnection has `restartIce()` (else use `createOffer({iceRestart})`). */
export function supportsRestartIce(impl: WebRTCImplementation): boolean {
  return typeof impl.RTCPeerConnection.prototype?.restartIce === 'function';
}
