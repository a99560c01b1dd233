import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, effectScope, h, nextTick, watch } from 'vue';
import { idleCall, joinedCall, peerInfo, peerStats, ScriptedCall } from './scriptedCall.testkit.js';
import { useCall } from './useCall.js';

describe('useCall', () => {
  it('joins a real call from its button: idle, joining, then failed (unreachable server)', async () => {
    const call = idleCall('alice');
    const seen: string[] = [];
    const Status = defineComponent({
      setup() {
        const { status, error, signaling, join } = useCall(call);
        watch(status, (s) => seen.push(s), { flush: 'sync' });
        return () =>
          h('button', { onClick: () => join('room').catch(() => {}) }, [
            `${status.value} ${signaling.value.state}${error.value ? ` ${error.value.code}` : ''}`,
          ]);
      },
    });
    const wrapper = mount(Status);
    expect(wrapper.text()).toBe('idle disconnected');
    await wrapper.get('button').trigger('click');
    await vi.waitFor(() => expect(seen).toEqual(['joining', 'failed']));
    await nextTick();
    expect(wrapper.text()).toMatch(/^failed disconnected [A-Z_]+$/);
    wrapper.unmount();
    await call.dispose();
  });

  it('updates each ref only when its part of the snapshot changes', () => {
    const store = joinedCall([peerInfo('b-1', 'bob')]);
    const scope = effectScope();
    const { snapshot, status, self, messages } = scope.run(() => useCall(store.call))!;
    const changes = { snapshot: 0, status: 0, self: 0, messages: 0 };
    scope.run(() => {
      watch(snapshot, () => changes.snapshot++, { flush: 'sync' });
      watch(status, () => changes.status++, { flush: 'sync' });
      watch(self, () => changes.self++, { flush: 'sync' });
      watch(messages, () => changes.messages++, { flush: 'sync' });
    });
    const selfBefore = self.value;

    store.dispatch({ type: 'stats', peerId: 'b-1', stats: peerStats(40, 900), quality: null });
    expect(changes).toEqual({ snapshot: 1, status: 0, self: 0, messages: 0 });
    expect(self.value).toBe(selfBefore);

    store.dispatch({
      type: 'message',
      message: { id: 'm1', sessionId: 'room', fromPeerId: 'b-1', username: 'bob', text: 'hi', sentAt: '' },
    });
    expect(changes).toEqual({ snapshot: 2, status: 0, self: 0, messages: 1 });
    expect(messages.value.map((m) => m.text)).toEqual(['hi']);

    store.dispatch({ type: 'self-media', media: { audio: false } });
    expect(changes.self).toBe(1);
    expect(self.value.media.audio).toBe(false);

    store.dispatch({ type: 'left' });
    expect(status.value).toBe('left');
    expect(changes.status).toBe(1);
    scope.stop();
  });

  it('unsubscribes when its effect scope stops, and then stops changing', () => {
    const store = new ScriptedCall('me');
    const scope = effectScope();
    const { status } = scope.run(() => useCall(store.call))!;
    expect(store.listenerCount).toBe(1);
    scope.stop();
    expect(store.listenerCount).toBe(0);
    store.dispatch({
      type: 'join-started',
      sessionId: 'r',
      media: { audio: true, video: true, screen: false },
      stream: null,
    });
    expect(status.value).toBe('idle');
  });
});
