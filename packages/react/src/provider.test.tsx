import { Call } from '@smartc/mesh';
import { act, render, screen, waitFor } from '@testing-library/react';
import { Activity, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import type { CallController } from './callStore.js';
import { useSmaRTCCall } from './context.js';
import { useCall } from './hooks/useCall.js';
import { SmaRTCProvider } from './provider.js';
import { createTestCall, ScriptedSignaling, testCallOptions } from './testkit/call.testkit.js';

/** Shows the status and records every call instance the children were given. */
function Status({ calls }: { calls: Set<CallController> }) {
  calls.add(useSmaRTCCall());
  const { status, sessionId } = useCall();
  return (
    <p>
      {status} {sessionId ?? 'none'}
    </p>
  );
}

async function isDisposed(call: CallController): Promise<boolean> {
  // a disposed Call refuses to join, without touching the network
  return call.join('probe').then(
    () => false,
    (error) => /disposed/.test(String(error?.message)),
  );
}

describe('SmaRTCProvider', () => {
  it('under StrictMode, creates one call, joins once, and leaves and disposes it on unmount', async () => {
    const signaling = new ScriptedSignaling();
    const calls = new Set<CallController>();
    const view = render(
      <StrictMode>
        <SmaRTCProvider options={testCallOptions(signaling)} sessionId="room-1">
          <Status calls={calls} />
        </SmaRTCProvider>
      </StrictMode>,
    );
    expect(await screen.findByText('joined room-1')).toBeTruthy();
    expect(signaling.joins).toEqual(['room-1']);
    expect(calls.size).toBe(1);
    const [call] = [...calls] as [Call];
    expect(call.signaling).toBe(signaling);
    // no second Call listens to the (shared) signaling client: as many listeners as one Call adds
    const oneCall = new ScriptedSignaling();
    const control = new Call(testCallOptions(oneCall));
    expect(signaling.listenerCount()).toBe(oneCall.listenerCount());
    await control.dispose();

    view.unmount();
    await waitFor(() => expect(signaling.leaves).toEqual(['room-1']));
    expect(await isDisposed(call)).toBe(true);
    expect(signaling.joins).toEqual(['room-1']);
    expect(signaling.listenerCount()).toBe(0);
  });

  it('without sessionId joins nothing, and keeps its call alive while mounted (StrictMode)', async () => {
    const signaling = new ScriptedSignaling();
    const calls = new Set<CallController>();
    render(
      <StrictMode>
        <SmaRTCProvider options={testCallOptions(signaling)}>
          <Status calls={calls} />
        </SmaRTCProvider>
      </StrictMode>,
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 20))); // past any deferred teardown
    expect(screen.getByText('idle none')).toBeTruthy();
    expect(signaling.joins).toEqual([]);
    const [call] = [...calls] as [CallController];
    await act(() => call.join('room-2'));
    expect(screen.getByText('joined room-2')).toBeTruthy();
  });

  it('hidden in an <Activity>, disposes its call; shown again, joins with a new one', async () => {
    const signaling = new ScriptedSignaling();
    const calls = new Set<CallController>();
    const app = (mode: 'visible' | 'hidden') => (
      <Activity mode={mode}>
        <SmaRTCProvider options={testCallOptions(signaling)} sessionId="room-1">
          <Status calls={calls} />
        </SmaRTCProvider>
      </Activity>
    );
    const view = render(app('visible'));
    await screen.findByText('joined room-1');
    const [first] = [...calls] as [CallController];
    view.rerender(app('hidden'));
    await waitFor(() => expect(signaling.leaves).toEqual(['room-1']));
    expect(await isDisposed(first)).toBe(true);
    view.rerender(app('visible'));
    await waitFor(() => expect(signaling.joins).toEqual(['room-1', 'room-1']));
    expect(await screen.findByText('joined room-1')).toBeTruthy();
    expect(calls.size).toBe(2);
    expect([...calls][1]?.getSnapshot().status).toBe('joined');
  });

  it('leaves the previous session before joining the next, and leaves when sessionId is cleared', async () => {
    const { call, signaling } = createTestCall();
    const calls = new Set<CallController>();
    const view = render(
      <SmaRTCProvider call={call} sessionId="room-1">
        <Status calls={calls} />
      </SmaRTCProvider>,
    );
    await screen.findByText('joined room-1');
    view.rerender(
      <SmaRTCProvider call={call} sessionId="room-2">
        <Status calls={calls} />
      </SmaRTCProvider>,
    );
    await screen.findByText('joined room-2');
    expect(signaling.joins).toEqual(['room-1', 'room-2']);
    expect(signaling.leaves).toEqual(['room-1']);
    view.rerender(
      <SmaRTCProvider call={call} sessionId={null}>
        <Status calls={calls} />
      </SmaRTCProvider>,
    );
    expect(await screen.findByText('left room-2')).toBeTruthy();
    expect(signaling.leaves).toEqual(['room-1', 'room-2']);
    await call.dispose();
  });

  it('never disposes a call it was given: it only leaves the session it joined', async () => {
    const { call, signaling } = createTestCall();
    const view = render(
      <StrictMode>
        <SmaRTCProvider call={call} sessionId="room-1">
          <Status calls={new Set()} />
        </SmaRTCProvider>
      </StrictMode>,
    );
    await screen.findByText('joined room-1');
    view.unmount();
    await waitFor(() => expect(signaling.leaves).toEqual(['room-1']));
    expect(signaling.joins).toEqual(['room-1']);
    await call.join('room-3'); // still usable
    expect(call.getSnapshot().status).toBe('joined');
    await call.dispose();
  });

  it('reads joinOptions when joining, without needing them memoized', async () => {
    const { call } = createTestCall();
    const view = render(
      <SmaRTCProvider call={call} sessionId="room-1" joinOptions={{ media: { audio: false, video: false } }}>
        <Status calls={new Set()} />
      </SmaRTCProvider>,
    );
    await screen.findByText('joined room-1');
    // a new (equal) object on every render re-joins nothing
    for (let i = 0; i < 3; i++)
      view.rerender(
        <SmaRTCProvider
          call={call}
          sessionId="room-1"
          joinOptions={{ media: { audio: false, video: false } }}
        >
          <Status calls={new Set()} />
        </SmaRTCProvider>,
      );
    expect((call.signaling as ScriptedSignaling).joins).toEqual(['room-1']);
    await call.dispose();
  });
});

describe('SmaRTCProvider hydration', () => {
  it('hydrates server HTML without a mismatch (the server renders the idle call the browser starts with)', async () => {
    const { renderToString } = await import('react-dom/server');
    const { hydrateRoot } = await import('react-dom/client');
    const { ParticipantGrid } = await import('./components/ParticipantGrid.js');
    const signaling = new ScriptedSignaling();
    const app = (
      <SmaRTCProvider options={testCallOptions(signaling, 'alice')}>
        <Status calls={new Set()} />
        <ParticipantGrid />
      </SmaRTCProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.append(container);
    const errors: unknown[] = [];
    const root = await act(async () =>
      hydrateRoot(container, app, { onRecoverableError: (error) => errors.push(error) }),
    );
    expect(errors).toEqual([]);
    expect(container.textContent).toContain('idle none');
    expect(container.textContent).toContain('alice (you)');
    act(() => root.unmount());
    container.remove();
  });
});
