import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useEnsureCallStore, useMaybeSmaRTCCall, useSmaRTCCall } from './context.js';
import { useParticipants } from './hooks/useParticipants.js';
import { SmaRTCProvider, type SmaRTCProviderProps } from './provider.js';
import { peer, ScriptedCall } from './testkit/scriptedCall.testkit.js';

let quiet: typeof console.error;
beforeEach(() => {
  quiet = console.error;
  console.error = () => {}; // React logs the errors thrown while rendering
});
afterEach(() => {
  console.error = quiet;
});

describe('the call a hook uses', () => {
  it('is the argument first, then the provider’s', () => {
    const provided = new ScriptedCall();
    provided.joined([peer('p-bob', 'bob')]);
    const argument = new ScriptedCall();
    argument.joined([peer('p-carol', 'carol')]);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SmaRTCProvider call={provided}>{children}</SmaRTCProvider>
    );
    const fromContext = renderHook(() => useParticipants(), { wrapper });
    expect(fromContext.result.current.map((p) => p.username)).toEqual(['bob']);
    const fromArgument = renderHook(() => useParticipants(argument), { wrapper });
    expect(fromArgument.result.current.map((p) => p.username)).toEqual(['carol']);
    expect(renderHook(() => useSmaRTCCall(), { wrapper }).result.current).toBe(provided);
  });

  it('outside a provider: useSmaRTCCall throws a SmaRTCError that says what to do, useMaybeSmaRTCCall is undefined', () => {
    let thrown: unknown;
    try {
      renderHook(() => useSmaRTCCall());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(String((thrown as Error).message)).toMatch(/useSmaRTCCall\(\).*outside a <SmaRTCProvider>/);
    expect(renderHook(() => useMaybeSmaRTCCall()).result.current).toBeUndefined();
    const argument = new ScriptedCall();
    expect(renderHook(() => useEnsureCallStore(argument)).result.current).toBe(argument);
    expect(() => renderHook(() => useEnsureCallStore())).toThrow(/outside a <SmaRTCProvider>/);
  });

  it('a provider without `call` or `options` says so', () => {
    // neither prop, as plain JavaScript could do
    const props = {} as SmaRTCProviderProps;
    expect(() =>
      renderHook(() => null, {
        wrapper: ({ children }) => <SmaRTCProvider {...props}>{children}</SmaRTCProvider>,
      }),
    ).toThrow(/needs a `call`, or `options`/);
  });
});
