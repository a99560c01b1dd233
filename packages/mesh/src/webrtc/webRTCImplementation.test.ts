import { afterEach, describe, expect, it } from 'vitest';
import { resolveWebRTC, supportsRestartIce } from './webRTCImplementation.js';

class FakePc {
  restartIce() {}
}
class Fake {}
const impl = {
  RTCPeerConnection: FakePc,
  RTCSessionDescription: Fake,
  RTCIceCandidate: Fake,
  MediaStream: Fake,
};
const g = globalThis as Record<string, unknown>;
const KEYS = ['RTCPeerConnection', 'RTCSessionDescription', 'RTCIceCandidate', 'MediaStream'];

describe('resolveWebRTC', () => {
  afterEach(() => {
    for (const k of KEYS) delete g[k];
  });
  it('uses the option when given', () => {
    const resolved = resolveWebRTC(impl);
    expect(resolved.RTCPeerConnection).toBe(FakePc);
    expect(supportsRestartIce(resolved)).toBe(true);
  });
  it('falls back to globals, looked up at call time', () => {
    expect(() => resolveWebRTC()).toThrow(/@roamhq\/wrtc/);
    Object.assign(g, impl);
    expect(resolveWebRTC().MediaStream).toBe(Fake);
  });
  it('throws MEDIA_UNSUPPORTED naming what is missing', () => {
    try {
      resolveWebRTC({ RTCPeerConnection: FakePc });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
      expect((error as Error).message).toContain('RTCSessionDescription');
    }
  });
});
