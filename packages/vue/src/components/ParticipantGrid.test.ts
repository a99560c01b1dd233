import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { joinedCall, peerInfo } from '../scriptedCall.testkit.js';
import { gridColumns, ParticipantGrid, type ParticipantGridTileProps } from './ParticipantGrid.js';

const names = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('.smartc-tile__name').map((n) => n.text());

describe('ParticipantGrid', () => {
  it('shows your tile first, then a tile per participant as they join and leave', async () => {
    const store = joinedCall([peerInfo('b-1', 'bob')], 'alice');
    const wrapper = mount(ParticipantGrid, { props: { call: store.call } });
    expect(names(wrapper)).toEqual(['alice (you)', 'bob']);
    expect(wrapper.get('.smartc-grid').attributes('data-count')).toBe('2');
    const bobTile = wrapper.get('[data-peer-id="b-1"]').element;

    store.dispatch({ type: 'peer-joined', peer: peerInfo('c-1', 'carol') });
    await nextTick();
    expect(names(wrapper)).toEqual(['alice (you)', 'bob', 'carol']);
    expect(wrapper.get('[data-peer-id="b-1"]').element).toBe(bobTile); // kept, not re-created

    store.dispatch({ type: 'peer-left', peerId: 'b-1' });
    await nextTick();
    expect(names(wrapper)).toEqual(['alice (you)', 'carol']);
    wrapper.unmount();
    expect(store.listenerCount).toBe(0);
  });

  it('lays tiles out as square as the count allows, wrapping below minTileWidth', async () => {
    expect([1, 2, 3, 4, 5, 9, 10].map(gridColumns)).toEqual([1, 2, 2, 2, 3, 3, 4]);
    const store = joinedCall([peerInfo('b-1', 'bob'), peerInfo('c-1', 'carol'), peerInfo('d-1', 'dan')]);
    const wrapper = mount(ParticipantGrid, { props: { call: store.call, minTileWidth: 300, gap: 10 } });
    const style = () => (wrapper.get('.smartc-grid').element as HTMLElement).getAttribute('style') ?? '';
    expect(style()).toContain('display: grid');
    expect(style()).toContain('max(300px, calc((100% - 1 * 10px) / 2))');
    store.dispatch({ type: 'peer-joined', peer: peerInfo('e-1', 'eve') });
    await nextTick();
    expect(style()).toContain('calc((100% - 2 * 10px) / 3)');
    wrapper.unmount();
  });

  it('leaves you out on request, and lets the tile slot render each tile', () => {
    const store = joinedCall([peerInfo('b-1', 'bob')], 'alice');
    const wrapper = mount(ParticipantGrid, {
      props: { call: store.call, includeSelf: false },
      slots: {
        tile: (tile: ParticipantGridTileProps) =>
          h('p', { class: 'custom' }, `${tile.local ? 'me' : tile.participant?.username} ${tile.peerId}`),
      },
    });
    expect(wrapper.findAll('.custom').map((p) => p.text())).toEqual(['bob b-1']);
    expect(wrapper.find('video').exists()).toBe(false);
    wrapper.unmount();
  });
});
