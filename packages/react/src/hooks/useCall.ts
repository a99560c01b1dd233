import type { SmaRTCError } from '@smartc/core';
import type {
  Call,
  CallJoinOptions,
  CallSelf,
  CallSignalingState,
  CallSnapshot,
  CallStatus,
} from '@smartc/mesh';
import { useMemo } from 'react';
import type { CallController, CallStore } from '../callStore.js';
import { useEnsureCall } from '../context.js';
import { shallowEqual } from '../internal/equality.js';
import { useCallSelector } from './useCallSelector.js';

/** The call-level state {@link useCall} follows (everything but the participants and the chat). */
export interface CallOverview {
  readonly status: CallStatus;
  readonly sessionId: string | null;
  readonly error: SmaRTCError | undefined;
  readonly self: CallSelf;
  readonly signaling: CallSignalingState;
  readonly warnings: CallSnapshot['warnings'];
}

/** The call's actions; the functions keep their identity as long as the call does. */
export interface CallActions {
  /** `call.join`: a second call while joining returns the same promise. */
  join(sessionId: string, options?: CallJoinOptions): Promise<void>;
  leave(): Promise<void>;
  /** Sends a chat message to the session (it shows in `useMessages()`, yours too). */
  sendMessage(text: string): ReturnType<Call['sendMessage']>;
}

/** What {@link useCall} returns: the same object until the overview changes. */
export interface UseCallResult extends CallOverview, CallActions {
  /** The call itself, for everything else. */
  readonly call: CallController;
}

const selectOverview = (s: CallSnapshot): CallOverview => ({
  status: s.status,
  sessionId: s.sessionId,
  error: s.error,
  self: s.self,
  signaling: s.signaling,
  warnings: s.warnings,
});

/**
 * The call's status, your own state, the signaling state and warnings, with `join`/`leave`/`sendMessage`.
 * Re-renders when one of those changes, not when a participant's stats or the chat change (see
 * `useParticipants`, `useMessages`). The call is the argument, else the provider's.
 *
 * @example
 * function CallStatusBar() {
 *   const { status, error, self, leave } = useCall();
 *   if (status === 'failed') return <p role="alert">{error?.message}</p>;
 *   return (
 *     <p>
 *       {self.username}: {status} <button type="button" onClick={leave}>Leave</button>
 *     </p>
 *   );
 * }
 */
export function useCall(call?: CallController): UseCallResult {
  const controller = useEnsureCall(call);
  const overview = useCallSelector(selectOverview, shallowEqual, controller);
  const actions = useMemo<CallActions>(
    () => ({
      join: (sessionId, options) => controller.join(sessionId, options),
      leave: () => controller.leave(),
      sendMessage: (text) => controller.sendMessage(text),
    }),
    [controller],
  );
  return useMemo(() => ({ call: controller, ...overview, ...actions }), [controller, overview, actions]);
}

const selectMessages = (s: CallSnapshot) => s.messages;

/**
 * The chat of the call, oldest first (the last 200); re-renders only when a message arrives.
 *
 * @example
 * function Chat() {
 *   const messages = useMessages();
 *   return <ul>{messages.map((m) => <li key={m.id}>{m.username}: {m.text}</li>)}</ul>;
 * }
 */
export function useMessages(call?: CallStore): CallSnapshot['messages'] {
  return useCallSelector(selectMessages, Object.is, call);
}
