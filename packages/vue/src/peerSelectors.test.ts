import { describe, expect, it } from 'vitest';
import { effectScope, ref, watch } from 'vue';
import { useConnectionQuality, usePeerStats, useRemoteStream } from './peerSelectors.js';
import { joinedCall, peerInfo, peerStats } from './scriptedCall.testkit.js';

function counted<T>(source: () => T): { runs: number } {
  const counter = { runs: 0 };
  watch(source, () => counter.runs++, { flush: 'sync' });
  return counter;
}

describe('peer selectors', () => {
  it('useRemoteStream follows the stream of the peerId ref, and is null for unknown peers', () => {
    const store = joinedCall([peerInfo('a-1', 'alice'), peerInfo('b-1', 'bob')]);
    const aliceStream = new MediaStream();
    const bobStream = new MediaStream();
    const peerId = ref<string | null>('a-1');
    const scope = effectScope();
    const stream = scope.run(() => useRemoteStream(peerId, store.call))!;
    const watched = scope.run(() => counted(() => stream.value))!;
    expect(stream.value).toBeNull();

    store.dispatch({ type: 'remote-stream', peerId: 'a-1', stream: aliceStream });
    store.dispatch({ type: 'remote-stream', peerId: 'b-1', stream: bobStream });
    expect(stream.value).toBe(aliceStream);
    expect(watched.runs).toBe(1); // bob's stream did not trigger alice's ref

    peerId.value = 'b-1';
    expect(stream.value).toBe(bobStream);
    peerId.value = 'nobody';
    expect(stream.value).toBeNull();
    peerId.value = null;
    expect(stream.value).toBeNull();
    scope.stop();
    expect(store.listenerCount).toBe(0);
  });

  it('usePeerStats changes with that peer’s stats only, and accepts a getter', () => {
    const store = joinedCall([peerInfo('a-1', 'alice'), peerInfo('b-1', 'bob')]);
    const props = { peerId: 'a-1' };
    const scope = effectScope();
    const stats = scope.run(() => usePeerStats(() => props.peerId, store.call))!;
    const watched = scope.run(() => counted(() => stats.value))!;
    expect(stats.value).toBeNull();

    store.dispatch({ type: 'stats', peerId: 'a-1', stats: peerStats(35, 1200), quality: null });
    expect(stats.value?.rttMs).toBe(35);
    expect(stats.value?.inbound.videoKbps).toBe(1200);
    const first = stats.value;

    store.dispatch({ type: 'stats', peerId: 'b-1', stats: peerStats(80, 300), quality: null });
    store.dispatch({
      type: 'media-state',
      peerId: 'a-1',
      media: { audio: false, video: true, screen: false },
    });
    expect(stats.value).toBe(first);
    expect(watched.runs).toBe(1);

    store.dispatch({ type: 'stats', peerId: 'a-1', stats: peerStats(60, 900), quality: null });
    expect(stats.value?.rttMs).toBe(60);
    expect(watched.runs).toBe(2);

    store.dispatch({ type: 'peer-left', peerId: 'a-1' });
    expect(stats.value).toBeNull();
    scope.stop();
  });

  it('useConnectionQuality reports the level and reasons, unchanged by stats without a new level', () => {
    const store = joinedCall([peerInfo('a-1', 'alice')]);
    const scope = effectScope();
    const quality = scope.run(() => useConnectionQuality('a-1', store.call))!;
    const watched = scope.run(() => counted(() => quality.value))!;
    expect(quality.value).toBeNull();

    store.dispatch({ type: 'quality', peerId: 'a-1', quality: { level: 'warning', reasons: ['high-rtt'] } });
    expect(quality.value).toEqual({ level: 'warning', reasons: ['high-rtt'] });
    store.dispatch({ type: 'stats', peerId: 'a-1', stats: peerStats(400, 700), quality: null });
    expect(watched.runs).toBe(1);
    store.dispatch({ type: 'quality', peerId: 'a-1', quality: { level: 'good', reasons: [] } });
    expect(quality.value?.level).toBe('good');
    expect(watched.runs).toBe(2);
    scope.stop();
    expect(store.listenerCount).toBe(0);
  });
});
