import { isSmaRTCError } from '@smartc/core';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { fakeStream, fakeTrack, idleCall } from './scriptedCall.testkit.js';
import { useLocalMedia } from './useLocalMedia.js';

const call = idleCall('alice');
afterEach(async () => {
  await call.setLocalStream(null);
});

/** Mute/camera/share buttons, as an app's call controls are. */
let media: ReturnType<typeof useLocalMedia>;
const Controls = defineComponent({
  setup() {
    media = useLocalMedia(call);
    const m = media;
    return () =>
      h('div', [
        h(
          'button',
          { id: 'mic', onClick: () => m.toggleMicrophone() },
          m.microphoneEnabled.value ? 'Mute' : 'Unmute',
        ),
        h(
          'button',
          { id: 'cam', onClick: () => m.toggleCamera() },
          m.cameraEnabled.value ? 'Camera off' : 'Camera on',
        ),
        h('span', { id: 'stream' }, m.stream.value ? m.stream.value.id : 'no stream'),
      ]);
  },
});

describe('useLocalMedia (on a real Call)', () => {
  it('toggles the microphone and camera through the call and shows the new state', async () => {
    // a microphone and a camera that start turned off
    const tracks = [fakeTrack('audio', 'mic-1'), fakeTrack('video', 'cam-1')];
    for (const track of tracks) track.enabled = false;
    await call.setLocalStream(fakeStream(tracks));
    const wrapper = mount(Controls);
    expect(wrapper.get('#mic').text()).toBe('Unmute');
    await wrapper.get('#mic').trigger('click');
    await expect.poll(() => wrapper.get('#mic').text()).toBe('Mute');
    expect(call.getSnapshot().self.media.audio).toBe(true);
    await wrapper.get('#cam').trigger('click');
    await expect.poll(() => wrapper.get('#cam').text()).toBe('Camera off');
    await wrapper.get('#mic').trigger('click');
    await expect.poll(() => wrapper.get('#mic').text()).toBe('Unmute');
    wrapper.unmount();
  });

  it('shows the stream the app sends', async () => {
    const wrapper = mount(Controls);
    const stream = fakeStream([fakeTrack('audio', 'mic-1')]);
    await call.setLocalStream(stream);
    await expect.poll(() => wrapper.get('#stream').text()).toBe(stream.id);
    await call.setLocalStream(null);
    await expect.poll(() => wrapper.get('#stream').text()).toBe('no stream');
    wrapper.unmount();
  });

  it('rejects a screen share the environment cannot do, and stays not sharing', async () => {
    const wrapper = mount(Controls);
    const error = await media.toggleScreenShare().catch((e: unknown) => e);
    expect(isSmaRTCError(error) && error.code).toBe('MEDIA_UNSUPPORTED');
    expect(media.screenSharing.value).toBe(false);
    wrapper.unmount();
  });
});
