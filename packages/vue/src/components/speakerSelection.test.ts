import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { deviceInfo, FakeMediaDevices, joinedCall, peerInfo } from '../scriptedCall.testkit.js';
import { useDevices } from '../useDevices.js';
import { DevicePicker } from './DevicePicker.js';
import { VideoTile } from './VideoTile.js';

type SinkElement = HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
const proto = HTMLMediaElement.prototype as SinkElement;

afterEach(() => {
  Reflect.deleteProperty(proto, 'setSinkId');
});

const DEVICES = [
  deviceInfo('audioinput', 'mic-1', 'Microphone'),
  deviceInfo('audiooutput', 'default', 'Default speaker'),
  deviceInfo('audiooutput', 'spk-2', 'Headphones'),
];

describe('speaker selection', () => {
  it('routes every VideoTile of the call to the speaker chosen in the DevicePicker', async () => {
    // happy-dom has no setSinkId: give its media elements one, as Chromium has, and record where they play
    const sinks = new Map<HTMLMediaElement, string>();
    proto.setSinkId = async function (this: HTMLMediaElement, id: string) {
      sinks.set(this, id);
    };
    const store = joinedCall([peerInfo('b-1', 'bob'), peerInfo('c-1', 'carol')]);
    const devices = new FakeMediaDevices(DEVICES);
    const wrapper = mount(
      defineComponent({
        setup: () => () =>
          h('div', [
            h(DevicePicker, { call: store.call, mediaDevices: devices, kinds: ['audiooutput'] }),
            h(VideoTile, { peerId: 'b-1', call: store.call }),
            h(VideoTile, { peerId: 'c-1', call: store.call }),
          ]),
      }),
    );
    const select = wrapper.get('[data-kind="audiooutput"] select');
    await vi.waitFor(() =>
      expect(select.findAll('option').map((o) => o.text())).toEqual(['Default speaker', 'Headphones']),
    );
    expect(wrapper.get('label span').text()).toBe('Speaker');
    expect((select.element as HTMLSelectElement).disabled).toBe(false);

    await select.setValue('spk-2');
    const videos = wrapper.findAll('video').map((v) => v.element as HTMLMediaElement);
    await vi.waitFor(() => expect(videos.map((v) => sinks.get(v))).toEqual(['spk-2', 'spk-2']));
    wrapper.unmount();
  });

  it('rejects choosing a speaker where the browser cannot, with MEDIA_UNSUPPORTED in error', async () => {
    const store = joinedCall([]);
    const wrapper = mount(
      defineComponent({
        setup() {
          const devices = useDevices(store.call, { mediaDevices: new FakeMediaDevices(DEVICES) });
          return () =>
            h('button', { onClick: () => devices.select('audiooutput', 'spk-2').catch(() => {}) }, [
              devices.canSelectOutput.value ? 'can' : 'cannot',
              devices.error.value ? ` ${devices.error.value.code}` : '',
            ]);
        },
      }),
    );
    expect(wrapper.text()).toBe('cannot');
    await wrapper.get('button').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toBe('cannot MEDIA_UNSUPPORTED'));
    wrapper.unmount();
  });
});
