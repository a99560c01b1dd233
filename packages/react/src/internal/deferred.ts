/**
 * How long a teardown waits before it runs. StrictMode's simulated unmount and the remount that follows happen
 * in the same task, so a teardown scheduled by the one is cancelled by the other; a real unmount runs it.
 */
export const TEARDOWN_DELAY_MS = 0;

/** A teardown that can be called off until it ran. */
export interface PendingTeardown {
  cancel(): void;
}

/** Schedules `teardown` after {@link TEARDOWN_DELAY_MS}. */
export function deferTeardown(teardown: () => void): PendingTeardown {
  const timer = setTimeout(teardown, TEARDOWN_DELAY_MS);
  return { cancel: () => clearTimeout(timer) };
}
