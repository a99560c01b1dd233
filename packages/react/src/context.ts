import { errorFromCode } from '@smartc/core';
import { createContext, useContext } from 'react';
import type { CallController, CallStore } from './callStore.js';
import type { DeviceStore } from './devices/deviceStore.js';

/** What a `SmaRTCProvider` shares with the components below it. */
export interface SmaRTCContextValue {
  call: CallController;
  /** Device lists and the chosen speaker, shared by `useDevices` and every `VideoTile`. */
  devices: DeviceStore;
}

/** @internal The context of the nearest `SmaRTCProvider` (null outside one). */
export const SmaRTCContext = createContext<SmaRTCContextValue | null>(null);

function outsideProvider(what: string): Error {
  return errorFromCode(
    'VALIDATION_FAILED',
    `${what} was used outside a <SmaRTCProvider>: wrap the component in one, or pass the call as an argument.`,
  );
}

/**
 * The call of the nearest `SmaRTCProvider`. Throws a `SmaRTCError` (`VALIDATION_FAILED`) outside a provider.
 *
 * @example
 * function LeaveButton() {
 *   const call = useSmaRTCCall();
 *   return <button type="button" onClick={() => call.leave()}>Leave</button>;
 * }
 */
export function useSmaRTCCall(): CallController {
  const context = useContext(SmaRTCContext);
  if (!context) throw outsideProvider('useSmaRTCCall()');
  return context.call;
}

/**
 * The call of the nearest `SmaRTCProvider`, or `undefined` outside one (for components that work either way).
 *
 * @example
 * const call = useMaybeSmaRTCCall();
 * if (!call) return <p>Not in a call</p>;
 */
export function useMaybeSmaRTCCall(): CallController | undefined {
  return useContext(SmaRTCContext)?.call;
}

/**
 * The call to use: the argument when given, else the provider's, else it throws. The state hooks accept any
 * {@link CallStore}.
 *
 * @example
 * function useSpeakerCount(call?: CallStore) {
 *   const store = useEnsureCallStore(call);
 *   return useSyncExternalStore(store.subscribe, () => store.getSnapshot().participants.length);
 * }
 */
export function useEnsureCallStore(call?: CallStore): CallStore {
  const context = useContext(SmaRTCContext);
  const store = call ?? context?.call;
  if (!store) throw outsideProvider('A SmaRTC hook or component');
  return store;
}

/**
 * Like {@link useEnsureCallStore}, for the hooks that act on the call (join, mute, share…).
 *
 * @example
 * function useHangUp(call?: CallController) {
 *   const c = useEnsureCall(call);
 *   return () => c.leave();
 * }
 */
export function useEnsureCall(call?: CallController): CallController {
  const context = useContext(SmaRTCContext);
  const controller = call ?? context?.call;
  if (!controller) throw outsideProvider('A SmaRTC hook or component');
  return controller;
}

/** @internal The provider's device store, or null outside a provider. */
export function useMaybeDeviceStore(): DeviceStore | null {
  return useContext(SmaRTCContext)?.devices ?? null;
}
