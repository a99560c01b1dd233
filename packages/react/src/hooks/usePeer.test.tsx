import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestStream } from '../testkit/media.testkit.js';
import { renderCounted } from '../testkit/renderCounted.testkit.js';
import { peer, quality, ScriptedCall, stats } from '../testkit/scriptedCall.testkit.js';
import { useConnectionQuality, usePeerStats, useRemoteStream } from './usePeer.js';

function joinedWithBobAndCarol() {
  const call = new ScriptedCall();
  call.joined([peer('p-bob', 'bob'), peer('p-carol', 'carol')]);
  return call;
}

describe('useRemoteStream', () => {
  it('is null until the stream arrives, then the same stream across stats samples', () => {
    const call = joinedWithBobAndCarol();
    const hook = renderCounted(() => useRemoteStream('p-bob', call));
    const stream = createTestStream();
    act(() => call.dispatch({ type: 'remote-stream', peerId: 'p-bob', stream }));
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(30), quality: null }));
    act(() => call.dispatch({ type: 'remote-stream', peerId: 'p-carol', stream: createTestStream() }));
    expect(hook.values).toEqual([null, stream]);
    act(() => call.dispatch({ type: 'peer-left', peerId: 'p-bob' }));
    expect(hook.values).toEqual([null, stream, null]);
  });

  it('follows a change of peerId', () => {
    const call = joinedWithBobAndCarol();
    const bobs = createTestStream();
    const carols = createTestStream();
    call.dispatch({ type: 'remote-stream', peerId: 'p-bob', stream: bobs });
    call.dispatch({ type: 'remote-stream', peerId: 'p-carol', stream: carols });
    let peerId = 'p-bob';
    const hook = renderCounted(() => useRemoteStream(peerId, call));
    expect(hook.latest()).toBe(bobs);
    peerId = 'p-carol';
    hook.rerender();
    expect(hook.latest()).toBe(carols);
  });
});

describe('usePeerStats', () => {
  it('gives every new sample of its peer, and only of its peer', () => {
    const call = joinedWithBobAndCarol();
    const hook = renderCounted(() => usePeerStats('p-bob', call));
    expect(hook.latest()).toBeNull();
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(42, 900), quality: null }));
    expect(hook.latest()).toMatchObject({ rttMs: 42, inbound: { videoKbps: 900 } });
    act(() => call.dispatch({ type: 'stats', peerId: 'p-carol', stats: stats(99), quality: null }));
    act(() => call.dispatch({ type: 'peer-state', peerId: 'p-bob', state: 'connected' }));
    expect(hook.values).toHaveLength(2);
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(55, 700), quality: null }));
    expect(hook.latest()).toMatchObject({ rttMs: 55, inbound: { videoKbps: 700 } });
  });
});

describe('useConnectionQuality', () => {
  it('re-renders when the level or reasons change, not for an equal report', () => {
    const call = joinedWithBobAndCarol();
    const hook = renderCounted(() => useConnectionQuality('p-bob', call));
    expect(hook.latest()).toBeNull();
    act(() => call.dispatch({ type: 'quality', peerId: 'p-bob', quality: quality('good') }));
    expect(hook.latest()).toEqual({ level: 'good', reasons: [] });
    // every stats sample may carry a fresh report object with the same content
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(40), quality: quality('good') }));
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(45), quality: quality('good') }));
    expect(hook.values).toHaveLength(2);
    act(() => call.dispatch({ type: 'quality', peerId: 'p-bob', quality: quality('bad', ['high-rtt']) }));
    expect(hook.latest()).toEqual({ level: 'bad', reasons: ['high-rtt'] });
    act(() =>
      call.dispatch({
        type: 'quality',
        peerId: 'p-bob',
        quality: quality('bad', ['high-rtt', 'packet-loss']),
      }),
    );
    expect(hook.latest()?.reasons).toEqual(['high-rtt', 'packet-loss']);
    expect(hook.values).toHaveLength(4);
  });
});
