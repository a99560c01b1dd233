import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmaRTCProvider } from '../provider.js';
import { createTestCall } from '../testkit/call.testkit.js';
import { createTestStream, FakeMediaDevices, installMediaDevices } from '../testkit/media.testkit.js';
import { peer, ScriptedCall } from '../testkit/scriptedCall.testkit.js';
import { DevicePicker } from './DevicePicker.js';
import { VideoTile } from './VideoTile.js';

let devices: FakeMediaDevices;
let uninstall: () => void;
beforeEach(() => {
  devices = new FakeMediaDevices();
  uninstall = installMediaDevices(devices);
});
afterEach(() => uninstall());

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;
const videoOf = (username: string) =>
  document.querySelector(`[data-smartc-tile][data-username="${username}"] video`) as HTMLVideoElement & {
    sinkId: string;
  };
const options = (label: string) =>
  within(select(label))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('DevicePicker', () => {
  it('lists the devices, follows devicechange, and waits for captured media to switch inputs', async () => {
    const { call } = createTestCall();
    const view = render(
      <StrictMode>
        <SmaRTCProvider call={call}>
          <DevicePicker />
        </SmaRTCProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(options('Camera')).toEqual(['Default', 'Built-in camera', 'USB camera']));
    expect(options('Microphone')).toEqual(['Default', 'Built-in microphone']);
    expect(options('Speaker')).toEqual(['Default', 'Speakers', 'Headset']);
    expect(select('Camera').disabled).toBe(true); // the call has no media of its own yet
    expect(select('Speaker').disabled).toBe(false);
    act(() => devices.plug('videoinput', 'cam-3', 'Document camera'));
    await waitFor(() => expect(options('Camera')).toContain('Document camera'));
    expect(devices.listeners).toBe(1);
    view.unmount();
    expect(devices.listeners).toBe(0); // stopped listening with the last picker
    await call.dispose();
  });

  it('switches the camera the call sends, and shows the one in use', async () => {
    const { call } = createTestCall();
    render(
      <SmaRTCProvider call={call} sessionId="room-1" joinOptions={{ media: { audio: true, video: true } }}>
        <DevicePicker />
      </SmaRTCProvider>,
    );
    await waitFor(() => expect(select('Camera').disabled).toBe(false));
    expect(select('Camera').value).toBe('cam-1');
    fireEvent.change(select('Camera'), { target: { value: 'cam-2' } });
    await waitFor(() => expect(call.localMedia?.videoTrack?.getSettings().deviceId).toBe('cam-2'));
    expect(call.getSnapshot().self.stream?.getVideoTracks()[0]).toBe(call.localMedia?.videoTrack);
    await waitFor(() => expect(select('Camera').value).toBe('cam-2'));
    await call.dispose();
  });

  it('shows why a choice failed', async () => {
    const { call } = createTestCall();
    render(
      <SmaRTCProvider call={call} sessionId="room-1" joinOptions={{ media: { audio: true, video: true } }}>
        <DevicePicker />
      </SmaRTCProvider>,
    );
    await waitFor(() => expect(select('Camera').disabled).toBe(false));
    devices.devices = devices.devices.filter((d) => d.deviceId !== 'cam-2'); // unplugged, not yet noticed
    fireEvent.change(select('Camera'), { target: { value: 'cam-2' } });
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(call.localMedia?.videoTrack?.getSettings().deviceId).toBe('cam-1'); // nothing changed
    devices.plug('videoinput', 'cam-2', 'USB camera'); // plugged back in: the next choice works, the error goes
    fireEvent.change(select('Camera'), { target: { value: 'cam-2' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(call.localMedia?.videoTrack?.getSettings().deviceId).toBe('cam-2');
    await call.dispose();
  });

  it('routes the tiles of its provider to the chosen speaker', async () => {
    const call = new ScriptedCall('alice');
    call.joined([peer('p-bob', 'bob')]);
    call.dispatch({ type: 'remote-stream', peerId: 'p-bob', stream: createTestStream() });
    render(
      <SmaRTCProvider call={call}>
        <DevicePicker kinds={['audiooutput']} />
        <VideoTile peerId="p-bob" />
        <VideoTile self />
      </SmaRTCProvider>,
    );
    await waitFor(() => expect(options('Speaker')).toEqual(['Default', 'Speakers', 'Headset']));
    expect(screen.queryByLabelText('Camera')).toBeNull();
    fireEvent.change(select('Speaker'), { target: { value: 'headset-1' } });
    await waitFor(() => expect(videoOf('bob').sinkId).toBe('headset-1'));
    expect(select('Speaker').value).toBe('headset-1');
    expect(videoOf('alice').sinkId).toBe(''); // your own tile is muted: nothing to route
  });
});
