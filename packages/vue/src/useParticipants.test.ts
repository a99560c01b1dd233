import type { CallParticipant } from '@smartc/mesh';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, type PropType, watch } from 'vue';
import { joinedCall, peerInfo, peerStats } from './scriptedCall.testkit.js';
import { useParticipants } from './useParticipants.js';

describe('useParticipants', () => {
  it('lists the remote participants as they join and leave; only changed rows re-render', async () => {
    const store = joinedCall([peerInfo('a-1', 'alice')]);
    const renders: Record<string, number> = {};
    const Row = defineComponent({
      props: { participant: { type: Object as PropType<CallParticipant>, required: true } },
      setup(props) {
        return () => {
          renders[props.participant.username] = (renders[props.participant.username] ?? 0) + 1;
          const rtt = props.participant.stats?.rttMs;
          return h('li', `${props.participant.username}${rtt == null ? '' : ` ${rtt} ms`}`);
        };
      },
    });
    const List = defineComponent({
      setup() {
        const participants = useParticipants(store.call);
        return () =>
          h(
            'ul',
            participants.value.map((p) => h(Row, { key: p.peerId, participant: p })),
          );
      },
    });
    const wrapper = mount(List);
    const rows = () => wrapper.findAll('li').map((li) => li.text());
    expect(rows()).toEqual(['alice']);

    store.dispatch({ type: 'peer-joined', peer: peerInfo('b-1', 'bob') });
    await nextTick();
    expect(rows()).toEqual(['alice', 'bob']);

    store.dispatch({ type: 'stats', peerId: 'b-1', stats: peerStats(42, 800), quality: null });
    await nextTick();
    expect(rows()).toEqual(['alice', 'bob 42 ms']);
    expect(renders).toEqual({ alice: 1, bob: 2 });

    store.dispatch({ type: 'peer-left', peerId: 'a-1' });
    await nextTick();
    expect(rows()).toEqual(['bob 42 ms']);
    wrapper.unmount();
    expect(store.listenerCount).toBe(0);
  });

  it('keeps the array when something else changes (no watcher runs)', () => {
    const store = joinedCall([peerInfo('a-1', 'alice')]);
    let runs = 0;
    const wrapper = mount(
      defineComponent({
        setup() {
          const participants = useParticipants(store.call);
          watch(participants, () => runs++, { flush: 'sync' });
          return () => null;
        },
      }),
    );
    store.dispatch({ type: 'self-media', media: { video: false } });
    store.dispatch({ type: 'signaling-state', state: 'connected' });
    expect(runs).toBe(0);
    store.dispatch({
      type: 'media-state',
      peerId: 'a-1',
      media: { audio: false, video: true, screen: false },
    });
    expect(runs).toBe(1);
    wrapper.unmount();
  });
});
