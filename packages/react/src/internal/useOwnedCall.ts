import { errorFromCode } from '@smartc/core';
import { Call, type CallOptions } from '@smartc/mesh';
import { useEffect, useRef, useState } from 'react';
import { type CallController, createServerCall, isServerEnvironment } from '../callStore.js';
import { deferTeardown, type PendingTeardown } from './deferred.js';
import { useLatest } from './useLatest.js';

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
 * The call a provider uses: `given` when there is one (never disposed here), else one of its own, created on
 * first render (creating a Call opens nothing) and disposed after a real unmount. StrictMode's
 * unmount–remount keeps the same call: the dispose it schedules is cancelled by the remount.
 */
export function useOwnedCall(
  given: CallController | undefined,
  options: CallOptions | undefined,
): CallController {
  const latestOptions = useLatest(options);
  const [owned, setOwned] = useState<CallController | null>(() =>
    given ? null : createCall(requireOptions(options)),
  );
  const pending = useRef<PendingTeardown | null>(null);

  // `call` went from given to none: create one now (a render-phase update of this component's own state).
  if (!given && !owned) setOwned(createCall(requireOptions(options)));

  useEffect(() => {
    if (given || !owned) return;
    pending.current?.cancel();
    pending.current = null;
    if (wasDisposed(owned)) {
      setOwned(createCall(requireOptions(latestOptions.current)));
      return;
    }
    return () => {
      pending.current = deferTeardown(() => {
        pending.current = null;
        disposedCalls.add(owned);
        void owned.dispose();
      });
    };
  }, [given, owned, latestOptions]);

  return (given ?? owned) as CallController;
}

function requireOptions(options: CallOptions | undefined): CallOptions {
  if (!options)
    throw errorFromCode('VALIDATION_FAILED', '<SmaRTCProvider> needs a `call`, or `options` to create one.');
  return options;
}
