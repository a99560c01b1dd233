import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { joinedCall, peerInfo } from '../scriptedCall.testkit.js';
import { VideoTile } from './VideoTile.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function video(wrapper: ReturnType<typeof mount>): HTMLVideoElement {
  return wrapper.get('video').element as HTMLVideoElement;
}

describe('VideoTile', () => {
  it('plays a remote participant’s stream with its name, and follows mute and quality', async () => {
    const store = joinedCall([peerInfo('b-1', 'bob', true, true)]);
    const wrapper = mount(VideoTile, { props: { peerId: 'b-1', call: store.call } });
    expect(wrapper.get('.smartc-tile__name').text()).toBe('bob');
    expect(wrapper.find('.smartc-tile__muted').exists()).toBe(false);
    expect(wrapper.find('.smartc-quality').exists()).toBe(false);
    expect(wrapper.get('.smartc-tile__placeholder').text()).toBe('B'); // no stream yet

    const stream = new MediaStream();
    store.dispatch({ type: 'remote-stream', peerId: 'b-1', stream });
    await vi.waitFor(() => expect(video(wrapper).srcObject).toBe(stream));
    expect(video(wrapper).muted).toBe(false); // remote audio plays
    expect(video(wrapper).paused).toBe(false);
    expect(video(wrapper).style.transform).toBe(''); // not mirrored
    expect(wrapper.find('.smartc-tile__placeholder').exists()).toBe(false);

    store.dispatch({
      type: 'media-state',
      peerId: 'b-1',
      media: { audio: false, video: false, screen: false },
    });
    await nextTick();
    expect(wrapper.get('.smartc-tile__muted').attributes('aria-label')).toBe('Microphone off');
    expect(wrapper.get('.smartc-tile__placeholder').text()).toBe('B');

    store.dispatch({ type: 'quality', peerId: 'b-1', quality: { level: 'bad', reasons: ['packet-loss'] } });
    await nextTick();
    const badge = wrapper.get('.smartc-quality');
    expect(badge.text()).toBe('Poor');
    expect(badge.attributes('data-level')).toBe('bad');
    expect(badge.attributes('title')).toBe('packet-loss');

    wrapper.unmount();
    expect(store.listenerCount).toBe(0);
  });

  it('shows you muted and mirrored, and not mirrored while you share your screen', async () => {
    const store = joinedCall([], 'alice');
    const stream = new MediaStream();
    store.dispatch({ type: 'self-stream', stream, media: { audio: true, video: true, screen: false } });
    const wrapper = mount(VideoTile, { props: { local: true, call: store.call } });
    await vi.waitFor(() => expect(video(wrapper).srcObject).toBe(stream));
    expect(video(wrapper).muted).toBe(true);
    expect(video(wrapper).style.transform).toBe('scaleX(-1)');
    expect(wrapper.get('.smartc-tile__name').text()).toBe('alice (you)');
    expect(wrapper.attributes('data-local')).toBe('true');

    store.dispatch({ type: 'self-screen', sharing: true });
    await nextTick();
    expect(video(wrapper).style.transform).toBe('');
    wrapper.unmount();
  });

  it('offers click-to-play when the browser blocks autoplay, and hides it once playing', async () => {
    const play = vi
      .spyOn(HTMLMediaElement.prototype, 'play')
      .mockRejectedValueOnce(
        Object.assign(new Error('play() needs a user gesture'), { name: 'NotAllowedError' }),
      );
    const store = joinedCall([peerInfo('b-1', 'bob')]);
    store.dispatch({ type: 'remote-stream', peerId: 'b-1', stream: new MediaStream() });
    const wrapper = mount(VideoTile, { props: { peerId: 'b-1', call: store.call, playLabel: 'Lire' } });
    await vi.waitFor(() => expect(wrapper.find('.smartc-tile__play').exists()).toBe(true));
    expect(wrapper.get('.smartc-tile__play').text()).toBe('Lire');
    expect(wrapper.attributes('data-blocked')).toBe('true');

    await wrapper.get('.smartc-tile__play').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('.smartc-tile__play').exists()).toBe(false));
    expect(play).toHaveBeenCalledTimes(2);
    expect(video(wrapper).paused).toBe(false);
    wrapper.unmount();
  });

  it('plays a stream given without any call, and detaches it when unmounted', async () => {
    const stream = new MediaStream();
    const wrapper = mount(VideoTile, { props: { stream, name: 'Preview' } });
    await vi.waitFor(() => expect(video(wrapper).srcObject).toBe(stream));
    expect(wrapper.get('.smartc-tile__name').text()).toBe('Preview');
    const element = video(wrapper);
    wrapper.unmount();
    expect(element.srcObject).toBeNull();
  });

  it('emits a normalised error when playback fails for another reason', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValueOnce(
      Object.assign(new Error('unsupported'), { name: 'NotSupportedError' }),
    );
    const wrapper = mount(VideoTile, { props: { stream: new MediaStream() } });
    await vi.waitFor(() => expect(wrapper.emitted('error')).toHaveLength(1));
    expect(wrapper.emitted('error')?.[0]?.[0]).toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    wrapper.unmount();
  });

  it('needs a call for peerId or local', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // Vue warns about the component that failed
    expect(() => mount(VideoTile, { props: { peerId: 'b-1' } })).toThrow(
      /VideoTile\(\) found no SmaRTC call/,
    );
  });
});
