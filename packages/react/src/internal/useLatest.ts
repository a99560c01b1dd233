import { useLayoutEffect, useRef } from 'react';

// useLayoutEffect warns during server rendering; effects do not run there anyway.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? () => {} : useLayoutEffect;

/**
 * A ref that always holds the latest `value` (updated before effects run), so callbacks and effects can read
 * the latest props without listing them as dependencies: callers never need to memoize what they pass.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
