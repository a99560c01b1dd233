import type { Call, CallSnapshot } from '@smartc/mesh';
import {
  type ComputedRef,
  computed,
  getCurrentInstance,
  inject,
  onScopeDispose,
  shallowRef,
  ssrContextKey,
} from 'vue';

/** True while a component renders on the server (`renderToString`), where nothing is ever unmounted. */
function isServerRendering(): boolean {
  return getCurrentInstance() !== null && inject(ssrContextKey, null) !== null;
}

/**
 * The call's snapshot as a readonly ref: one `shallowRef`, replaced by `call.subscribe` (the snapshot is immutable,
 * so nothing deep is tracked), unsubscribed when the current effect scope (component or `effectScope()`) is
 * disposed. On the server it reads the snapshot once and subscribes to nothing.
 */
export function snapshotRef(call: Call): ComputedRef<CallSnapshot> {
  const snapshot = shallowRef(call.getSnapshot());
  if (!isServerRendering()) {
    const unsubscribe = call.subscribe((next) => {
      snapshot.value = next;
    });
    onScopeDispose(unsubscribe);
  }
  return computed(() => snapshot.value);
}
