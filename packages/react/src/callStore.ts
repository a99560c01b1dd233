import { errorFromCode } from '@smartc/core';
import { type Call, type CallSnapshot, initialCallState } from '@smartc/mesh';

/**
 * The read side of a call, all the state hooks need: a `Call` is one, and so is any store built on mesh's
 * `callReducer` (tests, custom transports).
 *
 * @example
 * const store: CallStore = new Call({ serverUrl, username: 'alice' });
 * const participants = useParticipants(store);
 */
export type CallStore = Pick<Call, 'subscribe' | 'getSnapshot'>;

/**
 * What the action hooks (`useCall`, `useLocalMedia`, `useDevices`) use of a call. A `Call` is one.
 *
 * @example
 * const call: CallController = new Call({ serverUrl, username: 'alice' });
 * <SmaRTCProvider call={call}>…</SmaRTCProvider>
 */
export type CallController = CallStore &
  Pick<
    Call,
    | 'join'
    | 'leave'
    | 'dispose'
    | 'setMicrophoneEnabled'
    | 'setCameraEnabled'
    | 'switchDevice'
    | 'startScreenShare'
    | 'stopScreenShare'
    | 'sendMessage'
    | 'localMedia'
  >;

/** Whether this code runs where there is no DOM (server rendering): no Call can be created there. */
export function isServerEnvironment(): boolean {
  return typeof window === 'undefined' || typeof document === 'undefined';
}

const noop = (): void => {};

/**
 * The stand-in a provider renders with on the server: the idle snapshot of a call that never joined, no
 * subscriptions, and actions that reject (nothing can join while rendering to HTML). The browser renders
 * the same idle snapshot from its real `Call` first, so hydration matches.
 */
export function createServerCall(username: string): CallController {
  const snapshot: CallSnapshot = initialCallState(username);
  const unavailable = (): Promise<never> =>
    Promise.reject(errorFromCode('VALIDATION_FAILED', 'A call cannot be used during server rendering.'));
  return {
    subscribe: () => noop,
    getSnapshot: () => snapshot,
    join: unavailable,
    leave: unavailable,
    dispose: () => Promise.resolve(),
    setMicrophoneEnabled: unavailable,
    setCameraEnabled: unavailable,
    switchDevice: unavailable,
    startScreenShare: unavailable,
    stopScreenShare: unavailable,
    sendMessage: unavailable,
    localMedia: null,
  };
}
