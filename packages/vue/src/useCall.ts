import type { SmaRTCError } from '@smartc/core';
import type {
  Call,
  CallJoinOptions,
  CallSelf,
  CallSignalingState,
  CallSnapshot,
  CallStatus,
  CallWarning,
} from '@smartc/mesh';
import { type ComputedRef, computed } from 'vue';
import { resolveCall } from './callContext.js';
import { snapshotRef } from './snapshotRef.js';

/** What {@link useCall} returns: the call itself and readonly refs over its snapshot. */
export interface UseCallReturn {
  /** The call itself, for everything else. */
  call: Call;
  /** The whole snapshot (a new object on every change). */
  snapshot: ComputedRef<CallSnapshot>;
  status: ComputedRef<CallStatus>;
  sessionId: ComputedRef<string | null>;
  /** Why the call failed, or the last error that did not end it. */
  error: ComputedRef<SmaRTCError | undefined>;
  /** You: peerId, username, media, stream, screenSharing. */
  self: ComputedRef<CallSelf>;
  /** The chat, oldest first. */
  messages: ComputedRef<CallSnapshot['messages']>;
  warnings: ComputedRef<ReadonlyArray<CallWarning>>;
  /** The signaling connection: `{ state, reason? }`. */
  signaling: ComputedRef<CallSignalingState>;
  /** `call.join`: a second call while joining returns the same promise; rejects with the join's `SmaRTCError`. */
  join: (sessionId: string, options?: CallJoinOptions) => Promise<void>;
  leave: () => Promise<void>;
  /** Sends a chat message to the session (it shows in `messages`, yours too). */
  sendMessage: (text: string) => ReturnType<Call['sendMessage']>;
}

/**
 * The call and its state. Each ref changes only when its part of the snapshot changes (e.g. `status` does not
 * trigger when a participant's stats arrive). The subscription ends with the component or effect scope.
 *
 * @param call - a call of yours; default: the one provided by {@link SmaRTCPlugin} or {@link provideCall}.
 * @example
 * <script setup lang="ts">
 * import { useCall } from '@smartc/vue';
 * const { status, error, join } = useCall();
 * const start = () => join('room-1', { media: { audio: true, video: true } }).catch(() => {}); // shown in `error`
 * </script>
 * <template>
 *   <button v-if="status === 'idle'" @click="start">Join</button>
 *   <p v-else-if="status === 'failed'">{{ error?.message }}</p>
 * </template>
 */
export function useCall(call?: Call): UseCallReturn {
  const resolved = resolveCall(call, 'useCall');
  const snapshot = snapshotRef(resolved);
  return {
    call: resolved,
    snapshot,
    status: computed(() => snapshot.value.status),
    sessionId: computed(() => snapshot.value.sessionId),
    error: computed(() => snapshot.value.error),
    self: computed(() => snapshot.value.self),
    messages: computed(() => snapshot.value.messages),
    warnings: computed(() => snapshot.value.warnings),
    signaling: computed(() => snapshot.value.signaling),
    join: (sessionId, options) => resolved.join(sessionId, options),
    leave: () => resolved.leave(),
    sendMessage: (text) => resolved.sendMessage(text),
  };
}
