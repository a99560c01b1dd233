import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestStream } from '../testkit/media.testkit.js';
import { peer, quality, ScriptedCall, stats } from '../testkit/scriptedCall.testkit.js';
import { VideoTile } from './VideoTile.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function joined() {
  const call = new ScriptedCall('alice');
  call.joined([peer('p-bob', 'bob')]);
  return call;
}

const tileOf = (username: string) =>
  document.querySelector(`[data-smartc-tile][data-username="${username}"]`);
const videoOf = (username: string) => tileOf(username)?.querySelector('video') as HTMLVideoElement;

describe('VideoTile', () => {
  it("plays a participant's stream with sound, unmirrored, with name, mute state and quality", async () => {
    const call = joined();
    render(<VideoTile peerId="p-bob" call={call} />);
    expect(screen.getByText('bob')).toBeTruthy();
    expect(screen.queryByLabelText('Microphone off')).toBeNull();
    const stream = createTestStream();
    act(() => call.dispatch({ type: 'remote-stream', peerId: 'p-bob', stream }));
    await waitFor(() => expect(videoOf('bob').srcObject).toBe(stream));
    expect(videoOf('bob').muted).toBe(false);
    expect(videoOf('bob').style.transform).toBe('');

    act(() =>
      call.dispatch({
        type: 'media-state',
        peerId: 'p-bob',
        media: { audio: false, video: true, screen: false },
      }),
    );
    expect(screen.getByLabelText('Microphone off')).toBeTruthy();
    act(() =>
      call.dispatch({ type: 'quality', peerId: 'p-bob', quality: quality('warning', ['packet-loss']) }),
    );
    const badge = tileOf('bob')?.querySelector('[data-quality]') as HTMLElement;
    expect(badge.dataset.quality).toBe('warning');
    expect(badge.title).toContain('packet-loss');
  });

  it('shows your own stream muted and mirrored, not mirrored while you share your screen', async () => {
    const call = new ScriptedCall('alice');
    const stream = createTestStream();
    call.dispatch({
      type: 'join-started',
      sessionId: 'room-1',
      media: { audio: true, video: true, screen: false },
      stream,
    });
    render(<VideoTile self call={call} />);
    expect(screen.getByText('alice (you)')).toBeTruthy();
    await waitFor(() => expect(videoOf('alice').srcObject).toBe(stream));
    expect(videoOf('alice').muted).toBe(true);
    expect(videoOf('alice').style.transform).toBe('scaleX(-1)');
    act(() => call.dispatch({ type: 'self-screen', sharing: true }));
    await waitFor(() => expect(videoOf('alice').style.transform).toBe(''));
  });

  it('shows the initial instead of the video while the camera is off', () => {
    const call = joined();
    render(<VideoTile peerId="p-bob" call={call} />);
    expect(tileOf('bob')?.querySelector('.smartc-tile__placeholder')).toBeNull();
    act(() =>
      call.dispatch({
        type: 'media-state',
        peerId: 'p-bob',
        media: { audio: true, video: false, screen: false },
      }),
    );
    expect(tileOf('bob')?.querySelector('.smartc-tile__placeholder')?.textContent).toBe('B');
  });

  it('offers a click to play when the autoplay policy blocks playback', async () => {
    const play = vi
      .spyOn(HTMLMediaElement.prototype, 'play')
      .mockRejectedValue(new DOMException('needs a gesture', 'NotAllowedError'));
    const call = joined();
    render(<VideoTile peerId="p-bob" call={call} />);
    act(() => call.dispatch({ type: 'remote-stream', peerId: 'p-bob', stream: createTestStream() }));
    const overlay = await screen.findByRole('button', { name: 'Click to play' });
    play.mockResolvedValue(undefined);
    fireEvent.click(overlay);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Click to play' })).toBeNull());
    expect(play).toHaveBeenCalledTimes(2);
  });

  it('does not re-render for stats samples that change nothing it shows', () => {
    const call = joined();
    let commits = 0;
    render(
      <Profiler id="tile" onRender={() => (commits += 1)}>
        <VideoTile peerId="p-bob" call={call} />
      </Profiler>,
    );
    const before = commits;
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(40), quality: quality('good') }));
    const afterFirstQuality = commits;
    expect(afterFirstQuality).toBe(before + 1); // the badge appeared
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(45), quality: quality('good') }));
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(50), quality: quality('good') }));
    act(() => call.dispatch({ type: 'peer-joined', peer: peer('p-carol', 'carol') }));
    expect(commits).toBe(afterFirstQuality);
  });

  it('empties the video element when unmounted, and renders nothing for an unknown peer', async () => {
    const call = joined();
    const stream = createTestStream();
    call.dispatch({ type: 'remote-stream', peerId: 'p-bob', stream });
    const view = render(<VideoTile peerId="p-bob" call={call} />);
    const video = videoOf('bob');
    await waitFor(() => expect(video.srcObject).toBe(stream));
    view.unmount();
    expect(video.srcObject).toBeNull();
    const { container } = render(<VideoTile peerId="nobody" call={call} />);
    expect(container.innerHTML).toBe('');
  });
});
