import { errorFromCode } from '@smartc/core';
import { Call, type CallOptions } from '@smartc/mesh';
import { useEffect, useReducer, useRef } from 'react';
import { type CallController, createServerCall, isServerEnvironment } from '../callStore.js';
import { deferTeardown, type PendingTeardown } from './deferred.js';

/** Calls this package created and disposed: a remount (e.g. a hidden `<Activity>` shown again) needs a new one. */
const disposedCalls = new WeakSet<CallController>();

/** Whether `call` was disposed by the provider that created it. */
export function wasDisposed(call: CallController): boolean {
  return disposedCalls.has(call);
}

function createCall(options: CallOptions): CallController {
  // No WebRTC on the server: render the idle state a fresh Call would have.
  return isServerEnvironment() ? createServerCall(options.username) : new Call(options);
}

/**
 * The call a provider uses: `given` when there is one (never disposed here), else one of its own, created on first
 * render (a ref's lazy initialisation: React 19 keeps it across StrictMode's double render, and creating a Call opens
 * nothing) and disposed after a real unmount. StrictMode's unmount–remount keeps the same call: the dispose it
 * schedules is cancelled by the remount.
 */
export function useOwnedCall(
  given: CallController | undefined,
  options: CallOptions | undefined,
): CallController {
  const created = useRef<CallController | null>(null);
  if (!given && created.current === null) created.current = createCall(requireOptions(options));
  const owned = created.current;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const pending = useRef<PendingTeardown | null>(null);

  useEffect(() => {
    if (given || !owned) return;
    pending.current?.cancel();
    pending.current = null;
    if (wasDisposed(owned)) {
      // shown again after its teardown ran (e.g. a hidden <Activity>): the next render creates a new call
      created.current = null;
      rerender();
      return;
    }
    return () => {
      pending.current = deferTeardown(() => {
        pending.current = null;
        disposedCalls.add(owned);
        void owned.dispose();
      });
    };
  }, [given, owned]);

  return (given ?? owned) as CallController;
}

function requireOptions(options: CallOptions | undefined): CallOptions {
  if (!options)
    throw errorFromCode('VALIDATION_FAILED', '<SmaRTCProvider> needs a `call`, or `options` to create one.');
  return options;
}
