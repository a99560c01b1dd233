import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IceRestarter } from './iceRestarter.js';

function setup(state: { value: RTCPeerConnectionState }) {
  const pc = {
    get connectionState() {
      return state.value;
    },
    signalingState: 'stable',
    getConfiguration: () => ({ iceServers: [] }),
    setConfiguration: vi.fn(),
  };
  const restarts: number[] = [];
  const failures: string[] = [];
  const restart = vi.fn();
  const restarter = new IceRestarter({
    pc: pc as unknown as RTCPeerConnection,
    disconnectedGraceMs: 3000,
    maxAttempts: 3,
    attemptTimeoutMs: 5000,
    iceServers: () => [{ urls: 'turn:fresh', username: 'u', credential: 'c' }],
    restart,
    onRestart: (n) => restarts.push(n),
    onFailed: (e) => failures.push(e.code),
  });
  return { pc, restarter, restarts, failures, restart };
}

describe('IceRestarter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restarts at once on failed, with fresh ICE servers', async () => {
    const state = { value: 'failed' as RTCPeerConnectionState };
    const { restarter, restarts, restart, pc } = setup(state);
    restarter.update('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toEqual([1]);
    expect(restart).toHaveBeenCalledTimes(1);
    expect(pc.setConfiguration).toHaveBeenCalledWith({
      iceServers: [{ urls: 'turn:fresh', username: 'u', credential: 'c' }],
    });
  });

  it('waits the grace period on disconnected, and does nothing if it recovers', async () => {
    const state = { value: 'disconnected' as RTCPeerConnectionState };
    const { restarter, restarts } = setup(state);
    restarter.update('disconnected');
    await vi.advanceTimersByTimeAsync(2900);
    expect(restarts).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(restarts).toEqual([1]);

    const again = setup({ value: 'disconnected' });
    again.restarter.update('disconnected');
    await vi.advanceTimersByTimeAsync(1000);
    again.restarter.update('connected');
    await vi.advanceTimersByTimeAsync(5000);
    expect(again.restarts).toEqual([]);
  });

  it('gives up with PEER_CONNECTION_FAILED after the bounded attempts', async () => {
    const state = { value: 'failed' as RTCPeerConnectionState };
    const { restarter, restarts, failures } = setup(state);
    restarter.update('failed');
    await vi.advanceTimersByTimeAsync(5000 * 3 + 10);
    expect(restarts).toEqual([1, 2, 3]);
    expect(failures).toEqual(['PEER_CONNECTION_FAILED']);
    restarter.update('failed');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(failures).toHaveLength(1);
  });

  it('connected resets the attempt count', async () => {
    const state = { value: 'failed' as RTCPeerConnectionState };
    const { restarter, restarts, failures } = setup(state);
    restarter.update('failed');
    await vi.advanceTimersByTimeAsync(5000 + 10);
    state.value = 'connected';
    restarter.update('connected');
    expect(restarter.attempts).toBe(0);
    state.value = 'failed';
    restarter.update('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toEqual([1, 2, 1]);
    expect(failures).toEqual([]);
  });
});
