import { errorFromCode } from '@smartc/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SmaRTCProvider } from '../provider.js';
import { createTestCall } from '../testkit/call.testkit.js';
import { createTestStream, FakeTrack } from '../testkit/media.testkit.js';
import { renderCounted } from '../testkit/renderCounted.testkit.js';
import { peer, ScriptedCall, stats } from '../testkit/scriptedCall.testkit.js';
import { useCall, useMessages } from './useCall.js';

function CallPanel() {
  const { status, self, error, join, leave } = useCall();
  return (
    <div>
      <p>
        {status} {self.peerId ?? 'no peerId'}
      </p>
      {error && <p role="alert">{error.code}</p>}
      <button type="button" onClick={() => void join('room-1').catch(() => {})}>
        Join
      </button>
      <button type="button" onClick={leave}>
        Leave
      </button>
    </div>
  );
}

describe('useCall', () => {
  it('joins and leaves a real Call, showing each status', async () => {
    const { call, signaling } = createTestCall();
    render(
      <SmaRTCProvider call={call}>
        <CallPanel />
      </SmaRTCProvider>,
    );
    expect(screen.getByText('idle no peerId')).toBeTruthy();
    fireEvent.click(screen.getByText('Join'));
    expect(await screen.findByText('joined peer-1')).toBeTruthy();
    fireEvent.click(screen.getByText('Leave'));
    expect(await screen.findByText(/^left/)).toBeTruthy();
    expect(signaling.joins).toEqual(['room-1']);
    expect(signaling.leaves).toEqual(['room-1']);
    await call.dispose();
  });

  it('shows a failed join with its error code', async () => {
    const { call, signaling } = createTestCall();
    signaling.failJoin = errorFromCode('SESSION_NOT_FOUND', 'no such call');
    render(
      <SmaRTCProvider call={call}>
        <CallPanel />
      </SmaRTCProvider>,
    );
    fireEvent.click(screen.getByText('Join'));
    expect((await screen.findByRole('alert')).textContent).toBe('SESSION_NOT_FOUND');
    expect(screen.getByText('failed no peerId')).toBeTruthy();
    await call.dispose();
  });

  it('returns the same object (and the same functions) until the overview changes', async () => {
    const { call } = createTestCall();
    const microphone = new FakeTrack('audio', 'mic-1') as unknown as MediaStreamTrack;
    microphone.enabled = false;
    await call.setLocalStream(createTestStream([microphone]));
    const hook = renderCounted(() => useCall(call));
    hook.rerender();
    expect(hook.values).toHaveLength(2);
    expect(hook.values[1]).toBe(hook.values[0]);
    await act(() => call.setMicrophoneEnabled(true)); // your own media is part of the overview
    expect(hook.values).toHaveLength(3);
    expect(hook.latest().self.media.audio).toBe(true);
    expect(hook.latest().join).toBe(hook.values[0]?.join);
    expect(hook.latest().leave).toBe(hook.values[0]?.leave);
    await call.dispose();
  });

  it("does not re-render on participants' changes or chat", () => {
    const call = new ScriptedCall();
    call.joined([peer('p-bob', 'bob')]);
    const hook = renderCounted(() => useCall(call));
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(40), quality: null }));
    act(() => call.dispatch({ type: 'peer-joined', peer: peer('p-carol', 'carol') }));
    act(() => call.dispatch({ type: 'message', message: message('m1', 'hi') }));
    expect(hook.values).toHaveLength(1);
    act(() => call.dispatch({ type: 'signaling-state', state: 'reconnecting' }));
    expect(hook.values).toHaveLength(2);
    expect(hook.latest().status).toBe('reconnecting');
  });
});

describe('useMessages', () => {
  it('gives the chat as messages arrive, and your own sent ones', async () => {
    const call = new ScriptedCall();
    call.joined([peer('p-bob', 'bob')]);
    const hook = renderCounted(() => useMessages(call));
    expect(hook.latest()).toEqual([]);
    act(() => call.dispatch({ type: 'message', message: message('m1', 'salut') }));
    expect(hook.latest().map((m) => `${m.username}: ${m.text}`)).toEqual(['bob: salut']);

    const real = createTestCall();
    await real.call.join('room-1');
    const mine = renderCounted(() => useMessages(real.call));
    await act(() => real.call.sendMessage('bonjour'));
    expect(mine.latest().map((m) => m.text)).toEqual(['bonjour']);
    expect(real.signaling.messages).toEqual(['bonjour']);
    await real.call.dispose();
  });
});

function message(id: string, text: string) {
  return { id, sessionId: 'room-1', fromPeerId: 'p-bob', username: 'bob', text, sentAt: '' };
}
