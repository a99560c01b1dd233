import { errorFromCode } from '@smartc/core';
import type { Call } from '@smartc/mesh';
import { hasInjectionContext, type InjectionKey, inject, provide } from 'vue';

/**
 * The key under which {@link SmaRTCPlugin} and {@link provideCall} provide the {@link Call}. Use it with Vue's own
 * `provide`/`inject` when you need to.
 */
export const CALL_KEY: InjectionKey<Call> = Symbol('smartc:call');

/**
 * Provides `call` to the calling component's descendants: the component-scoped alternative to
 * {@link SmaRTCPlugin}. Call it in `setup()`. The component itself does not see what it provides (Vue's rule): pass
 * `call` explicitly to its own composables, e.g. `useParticipants(call)`. To switch calls, remount the subtree
 * (`:key="call.sessionId"`); composables stay bound to the call they were created with.
 *
 * @example
 * // CallRoom.vue, <script setup lang="ts">
 * import { Call } from '@smartc/mesh';
 * import { provideCall, useCall } from '@smartc/vue';
 * import { onUnmounted } from 'vue';
 * const props = defineProps<{ username: string }>();
 * const call = provideCall(new Call({ serverUrl: location.origin, username: props.username }));
 * const { status } = useCall(call);
 * onUnmounted(() => call.dispose());
 */
export function provideCall(call: Call): Call {
  provide(CALL_KEY, call);
  return call;
}

/**
 * The call given, else the one provided (plugin or {@link provideCall}), else undefined: for components that work
 * with or without a call. Call it in `setup()`.
 *
 * @example
 * const call = injectCall(); // undefined outside a call
 * const inCall = computed(() => call !== undefined);
 */
export function injectCall(call?: Call): Call | undefined {
  if (call) return call;
  return hasInjectionContext() ? inject(CALL_KEY, undefined) : undefined;
}

/**
 * The call given, else the one provided; throws a `VALIDATION_FAILED` `SmaRTCError` saying how to provide one.
 * Used by every composable.
 */
export function resolveCall(call: Call | undefined, composable: string): Call {
  const found = injectCall(call);
  if (found) return found;
  throw errorFromCode(
    'VALIDATION_FAILED',
    `${composable}() found no SmaRTC call: install the plugin (app.use(SmaRTCPlugin, { call })), call ` +
      `provideCall(call) in an ancestor component's setup, or pass the call as the first argument.`,
  );
}
