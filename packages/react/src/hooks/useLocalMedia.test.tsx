import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmaRTCProvider } from '../provider.js';
import { createTestCall } from '../testkit/call.testkit.js';
import { FakeMediaDevices, installMediaDevices } from '../testkit/media.testkit.js';
import { renderCounted } from '../testkit/renderCounted.testkit.js';
import { peer, ScriptedCall, stats } from '../testkit/scriptedCall.testkit.js';
import { type UseLocalMediaResult, useLocalMedia } from './useLocalMedia.js';

let devices: FakeMediaDevices;
let uninstall: () => void;
beforeEach(() => {
  devices = new FakeMediaDevices();
  uninstall = installMediaDevices(devices);
});
afterEach(() => uninstall());

/** Shows your media state as a user would read it, and hands every hook result to the test. */
function MediaState({ results }: { results: UseLocalMediaResult[] }) {
  const media = useLocalMedia();
  results.push(media);
  return (
    <p>
      mic {media.microphoneEnabled ? 'on' : 'off'}, camera {media.cameraEnabled ? 'on' : 'off'}, screen{' '}
      {media.screenSharing ? 'shared' : 'not shared'}
    </p>
  );
}

/** Renders `useLocalMedia` in a provider that joins with call-captured media. */
async function joinedWithOwnMedia() {
  const { call, signaling } = createTestCall();
  const results: UseLocalMediaResult[] = [];
  render(
    <SmaRTCProvider call={call} sessionId="room-1" joinOptions={{ media: { audio: true, video: true } }}>
      <MediaState results={results} />
    </SmaRTCProvider>,
  );
  await screen.findByText('mic on, camera on, screen not shared');
  const latest = () => results[results.length - 1] as UseLocalMediaResult;
  return { call, signaling, results, latest };
}

describe('useLocalMedia', () => {
  it('shows the media the call captured, and mutes the real tracks', async () => {
    const { call, signaling, latest } = await joinedWithOwnMedia();
    const stream = latest().stream as MediaStream;
    expect(stream).toBe(call.getSnapshot().self.stream);
    expect(latest().localMedia).toBe(call.localMedia);
    const mic = stream.getAudioTracks()[0] as MediaStreamTrack;

    await act(() => latest().toggleMicrophone());
    expect(screen.getByText('mic off, camera on, screen not shared')).toBeTruthy();
    expect(mic.enabled).toBe(false);
    expect(signaling.announced).toContainEqual({ audio: false }); // the others are told

    const camera = stream.getVideoTracks()[0] as MediaStreamTrack;
    await act(() => latest().toggleCamera({ release: true }));
    expect(screen.getByText('mic off, camera off, screen not shared')).toBeTruthy();
    expect(camera.readyState).toBe('ended'); // released: the camera light goes off
    await act(() => latest().toggleCamera());
    expect(screen.getByText('mic off, camera on, screen not shared')).toBeTruthy();
    expect(stream.getVideoTracks()[0]?.readyState).toBe('live');
    await call.dispose();
  });

  it('shares the screen until stopped', async () => {
    const { call, latest } = await joinedWithOwnMedia();
    await act(() => latest().startScreenShare());
    expect(screen.getByText('mic on, camera on, screen shared')).toBeTruthy();
    expect(latest().stream?.getVideoTracks()[0]).toBe(devices.lastScreen);
    await act(() => latest().stopScreenShare());
    expect(screen.getByText('mic on, camera on, screen not shared')).toBeTruthy();
    await call.dispose();
  });

  it('keeps its functions across renders and follows the latest state', async () => {
    const { call, results, latest } = await joinedWithOwnMedia();
    const first = results[0] as UseLocalMediaResult;
    await act(() => latest().toggleMicrophone());
    await act(() => latest().toggleMicrophone());
    await waitFor(() => expect(latest().microphoneEnabled).toBe(true));
    expect(latest().toggleMicrophone).toBe(first.toggleMicrophone);
    expect(latest().setCameraEnabled).toBe(first.setCameraEnabled);
    // the first render's toggle still acts on the current state, not on the state it was created with
    await act(() => first.toggleMicrophone());
    expect(latest().microphoneEnabled).toBe(false);
    await call.dispose();
  });

  it("does not re-render on the others' changes", () => {
    const call = new ScriptedCall();
    call.joined([peer('p-bob', 'bob')]);
    const hook = renderCounted(() => useLocalMedia(call));
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(30), quality: null }));
    act(() =>
      call.dispatch({
        type: 'media-state',
        peerId: 'p-bob',
        media: { audio: false, video: false, screen: false },
      }),
    );
    expect(hook.values).toHaveLength(1);
    act(() => call.dispatch({ type: 'self-media', media: { audio: true } }));
    expect(hook.values).toHaveLength(2);
    expect(hook.latest().microphoneEnabled).toBe(true);
  });
});
