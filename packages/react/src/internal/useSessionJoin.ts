import type { CallJoinOptions } from '@smartc/mesh';
import { useEffect, useRef } from 'react';
import type { CallController } from '../callStore.js';
import { deferTeardown, type PendingTeardown } from './deferred.js';
import { useLatest } from './useLatest.js';
import { wasDisposed } from './useOwnedCall.js';

const ignore = (): void => {};

/**
 * Keeps `call` in `sessionId` while it is set: joins it, and leaves when it changes, becomes null or the component
 * unmounts. Idempotent: StrictMode's unmount–remount re-runs the effect, which cancels the scheduled leave and
 * gets the join already in flight back (`Call.join` is deduped). Join errors land in the snapshot (`status:
 * 'failed'`, `error`). `options` are read when joining and need no memoizing.
 */
export function useSessionJoin(
  call: CallController,
  sessionId: string | null | undefined,
  options: CallJoinOptions | undefined,
): void {
  const latestOptions = useLatest(options);
  const pending = useRef<{ call: CallController; sessionId: string; leave: PendingTeardown } | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    const previous = pending.current;
    pending.current = null;
    previous?.leave.cancel();
    // another session (or call) follows: leave the previous one first, at once
    const switching = previous && (previous.call !== call || previous.sessionId !== sessionId);
    const ready = switching ? leaveUnlessDisposed(previous.call) : Promise.resolve();
    void ready.then(() => call.join(sessionId, latestOptions.current ?? {})).catch(ignore);
    return () => {
      const entry = {
        call,
        sessionId,
        leave: deferTeardown(() => {
          if (pending.current === entry) pending.current = null;
          void leaveUnlessDisposed(call);
        }),
      };
      pending.current = entry;
    };
  }, [call, sessionId, latestOptions]);
}

function leaveUnlessDisposed(call: CallController): Promise<void> {
  return wasDisposed(call) ? Promise.resolve() : call.leave().catch(ignore);
}
