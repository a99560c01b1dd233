import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { SmaRTCProvider } from '../provider.js';
import { renderCounted } from '../testkit/renderCounted.testkit.js';
import { peer, ScriptedCall, stats } from '../testkit/scriptedCall.testkit.js';
import { useParticipant, useParticipantIds, useParticipants } from './useParticipants.js';

function setup() {
  const call = new ScriptedCall();
  call.joined([peer('p-bob', 'bob')]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <SmaRTCProvider call={call}>{children}</SmaRTCProvider>
  );
  return { call, wrapper };
}

const usernames = (list: ReadonlyArray<{ username: string }>) => list.map((p) => p.username);

/** Every participant hook at once, for the subscription checks. */
function useAllParticipantHooks() {
  useParticipants();
  useParticipantIds();
  useParticipant('p-bob');
}

describe('useParticipants', () => {
  it('gives who is in the call, following joins and leaves', () => {
    const { call, wrapper } = setup();
    const { result } = renderHook(() => useParticipants(), { wrapper });
    expect(usernames(result.current)).toEqual(['bob']);
    act(() => call.dispatch({ type: 'peer-joined', peer: peer('p-carol', 'carol') }));
    expect(usernames(result.current)).toEqual(['bob', 'carol']);
    act(() => call.dispatch({ type: 'peer-left', peerId: 'p-bob' }));
    expect(usernames(result.current)).toEqual(['carol']);
  });

  it('does not re-render on a change outside the participants (own media, chat)', () => {
    const { call } = setup();
    const hook = renderCounted(() => useParticipants(call));
    act(() => call.dispatch({ type: 'self-media', media: { audio: true } }));
    act(() =>
      call.dispatch({
        type: 'message',
        message: {
          id: 'm1',
          sessionId: 'room-1',
          fromPeerId: 'p-bob',
          username: 'bob',
          text: 'hi',
          sentAt: '',
        },
      }),
    );
    expect(hook.values).toHaveLength(1);
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(40), quality: null }));
    expect(hook.values).toHaveLength(2);
    expect(hook.values[1]).not.toBe(hook.values[0]);
    expect(hook.values[1]).toBe(call.getSnapshot().participants);
  });

  it('unsubscribes when unmounted, also under StrictMode', () => {
    const { call, wrapper } = setup();
    const plain = renderHook(useAllParticipantHooks, { wrapper });
    const subscribed = call.listenerCount;
    expect(subscribed).toBeGreaterThan(0);
    plain.unmount();
    expect(call.listenerCount).toBe(0);

    const strict = renderHook(useAllParticipantHooks, { wrapper, reactStrictMode: true });
    expect(call.listenerCount).toBe(subscribed); // the simulated unmount unsubscribed what it subscribed
    strict.unmount();
    expect(call.listenerCount).toBe(0);
  });

  it('throws a clear error outside a provider without a call argument', () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => renderHook(() => useParticipants())).toThrow(
        /outside a <SmaRTCProvider>.*pass the call as an argument/,
      );
    } finally {
      console.error = quiet;
    }
  });
});

describe('useParticipant', () => {
  it('re-renders for its participant only', () => {
    const { call } = setup();
    call.dispatch({ type: 'peer-joined', peer: peer('p-carol', 'carol') });
    const bob = renderCounted(() => useParticipant('p-bob', call));
    expect(bob.latest()?.media.audio).toBe(true);
    act(() => call.dispatch({ type: 'stats', peerId: 'p-carol', stats: stats(40), quality: null }));
    act(() =>
      call.dispatch({
        type: 'media-state',
        peerId: 'p-carol',
        media: { audio: false, video: true, screen: false },
      }),
    );
    expect(bob.values).toHaveLength(1);
    act(() =>
      call.dispatch({
        type: 'media-state',
        peerId: 'p-bob',
        media: { audio: false, video: true, screen: false },
      }),
    );
    expect(bob.latest()?.media.audio).toBe(false);
    act(() => call.dispatch({ type: 'peer-left', peerId: 'p-bob' }));
    expect(bob.latest()).toBeNull();
    expect(bob.values).toHaveLength(3);
  });
});

describe('useParticipantIds', () => {
  it('keeps the same array until someone joins or leaves', () => {
    const { call } = setup();
    const ids = renderCounted(() => useParticipantIds(call));
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(40), quality: null }));
    act(() => call.dispatch({ type: 'peer-state', peerId: 'p-bob', state: 'connected' }));
    expect(ids.values).toEqual([['p-bob']]);
    act(() => call.dispatch({ type: 'peer-joined', peer: peer('p-carol', 'carol') }));
    expect(ids.values).toEqual([['p-bob'], ['p-bob', 'p-carol']]);
  });
});
