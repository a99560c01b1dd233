import type { CallJoinOptions, CallOptions } from '@smartc/mesh';
import { type ReactElement, type ReactNode, useMemo, useState } from 'react';
import type { CallController } from './callStore.js';
import { SmaRTCContext, type SmaRTCContextValue } from './context.js';
import { DeviceStore } from './devices/deviceStore.js';
import { useOwnedCall } from './internal/useOwnedCall.js';
import { useSessionJoin } from './internal/useSessionJoin.js';

interface SessionProps {
  /**
   * Join this session while set; leave it when it changes, becomes `null`, or the provider unmounts. Without it,
   * join yourself: `useCall().join(id)`.
   */
  sessionId?: string | null;
  /** How to join `sessionId`, e.g. `{ media: { audio: true, video: true } }`. Read when joining; no memoizing needed. */
  joinOptions?: CallJoinOptions;
  children?: ReactNode;
}

/** Props of {@link SmaRTCProvider}: a `call` of yours, or the `options` of one it creates and disposes. */
export type SmaRTCProviderProps = SessionProps &
  (
    | {
        /** A call you created: the provider never disposes it (but leaves `sessionId` when it unmounts). */
        call: CallController;
        options?: never;
      }
    | {
        /**
         * The options of the `Call` the provider creates (on first render; nothing connects until a join) and
         * disposes when it unmounts. Read once: give the provider a new `key` to start over with other options.
         * (React 18's StrictMode renders twice from scratch in development, so a first `Call` may be created and
         * dropped: harmless, unless `options.signaling` is a client of yours; then create the call and pass `call`.)
         */
        options: CallOptions;
        call?: never;
      }
  );

/**
 * Makes a call available to the hooks and components below it. It creates the `Call` from `options` (or uses
 * your `call`), joins `sessionId` when given, and cleans up on unmount. Safe under StrictMode (one join, one
 * connection: the simulated unmount is undone before anything is torn down) and in server rendering (no browser
 * global is touched; the server renders the idle state).
 *
 * @example
 * <SmaRTCProvider
 *   options={{ serverUrl: location.origin, username: 'alice', getToken: () => api.getAccessToken() }}
 *   sessionId={callId}
 *   joinOptions={{ media: { audio: true, video: true }, fallbackToAudioOnly: true }}
 * >
 *   <ParticipantGrid />
 * </SmaRTCProvider>
 */
export function SmaRTCProvider(props: SmaRTCProviderProps): ReactElement {
  const call = useOwnedCall(props.call, props.options);
  useSessionJoin(call, props.sessionId, props.joinOptions);
  const [devices] = useState(() => new DeviceStore());
  const value = useMemo<SmaRTCContextValue>(() => ({ call, devices }), [call, devices]);
  return <SmaRTCContext.Provider value={value}>{props.children}</SmaRTCContext.Provider>;
}
