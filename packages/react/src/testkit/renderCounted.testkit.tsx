import { type RenderHookOptions, renderHook } from '@testing-library/react';

/**
 * `renderHook` that records every value the hook returned, one per render: `values.length` is the render count,
 * `values.at(-1)` the latest. Test helper, not exported.
 */
export function renderCounted<T>(hook: () => T, options?: RenderHookOptions<unknown>) {
  const values: T[] = [];
  const view = renderHook(() => {
    const value = hook();
    values.push(value);
    return value;
  }, options);
  return { ...view, values, latest: () => values[values.length - 1] as T };
}
