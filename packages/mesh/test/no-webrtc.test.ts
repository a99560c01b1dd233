import { SignalingClient } from '@smartc/core';
import { describe, expect, it } from 'vitest';
import { Call } from '../src/call/index.js';
import { MeshPeerManager } from '../src/peers/index.js';

// Node without a `webrtc` option is what server-side rendering looks like: creating the objects must work,
// joining must fail clearly, before any network traffic.
const NOWHERE = 'http://127.0.0.1:9';

describe('where there is no WebRTC (SSR, Node without webrtc)', () => {
  it('a Call and a MeshPeerManager can be created', async () => {
    const call = new Call({ serverUrl: NOWHERE, username: 'alice' });
    expect(call.getSnapshot().status).toBe('idle');
    const signaling = new SignalingClient({ serverUrl: NOWHERE });
    const mesh = new MeshPeerManager({ signaling });
    expect(mesh.peers.size).toBe(0);
    mesh.close();
    await signaling.dispose();
    await call.dispose();
  });

  it('joining fails with MEDIA_UNSUPPORTED before connecting to the server', async () => {
    const signaling = new SignalingClient({ serverUrl: NOWHERE });
    const mesh = new MeshPeerManager({ signaling });
    await expect(mesh.join('room', { username: 'alice' })).rejects.toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
    });
    expect(signaling.state).toBe('disconnected');
    await signaling.dispose();

    const call = new Call({ serverUrl: NOWHERE, username: 'alice' });
    await expect(call.join('room')).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    expect(call.getSnapshot()).toMatchObject({ status: 'failed', error: { code: 'MEDIA_UNSUPPORTED' } });
    expect(call.signaling.state).toBe('disconnected');
    await call.dispose();
  });
});
