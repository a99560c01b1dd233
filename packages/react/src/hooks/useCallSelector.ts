import type { CallSnapshot } from '@smartc/mesh';
import { useMemo, useSyncExternalStore } from 'react';
import type { CallStore } from '../callStore.js';
import { useEnsureCallStore } from '../context.js';

/** Decides whether two selections are the same (then the component keeps the previous one and does not re-render). */
export type SelectionEquality<T> = (a: T, b: T) => boolean;

/**
 * Subscribes to the part of a call's snapshot that `selector` picks, through `useSyncExternalStore` (tearing-safe,
 * SSR-safe). The component re-renders only when the selection changes (`Object.is`, or `isEqual`), and gets the very
 * same object back otherwise. The call is the argument, else the one of the nearest `SmaRTCProvider`.
 *
 * `selector` and `isEqual` need no memoizing, but the result is only cached while they keep their identity:
 * declare them outside the component or with `useCallback` when they return new objects.
 *
 * @example
 * const selectMessages = (s: CallSnapshot) => s.messages;
 * function Chat() {
 *   const messages = useCallSelector(selectMessages);
 *   return <ul>{messages.map((m) => <li key={m.id}>{m.username}: {m.text}</li>)}</ul>;
 * }
 */
export function useCallSelector<T>(
  selector: (snapshot: CallSnapshot) => T,
  isEqual: SelectionEquality<T> = Object.is,
  call?: CallStore,
): T {
  const store = useEnsureCallStore(call);
  const [getSelection, getServerSelection] = useMemo(() => {
    let memo: { snapshot: CallSnapshot; selection: T } | undefined;
    const select = (snapshot: CallSnapshot): T => {
      if (memo?.snapshot === snapshot) return memo.selection;
      const next = selector(snapshot);
      const selection = memo && isEqual(memo.selection, next) ? memo.selection : next;
      memo = { snapshot, selection };
      return selection;
    };
    // A call renders its current (on the server: idle) snapshot; nothing else exists there to hydrate from.
    return [() => select(store.getSnapshot()), () => select(store.getSnapshot())];
  }, [store, selector, isEqual]);
  return useSyncExternalStore(store.subscribe, getSelection, getServerSelection);
}
