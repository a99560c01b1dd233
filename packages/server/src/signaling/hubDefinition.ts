/**
 * The SmaRTC hub as a SignalR `HubDefinition`: method names from `@smartc/protocol`, every
 * method wrapped so refusals reach the client as `HubError("<CODE>: <message>")`.
 */
import { ErrorCode, formatHubError, HubMethod } from '@smartc/protocol';
import {
  type HubDefinition,
  HubError,
  type HubInvocationContext,
  type HubMethodHandler,
} from '@smartc/signalr-server';
import type { HubPrincipal } from './deps.js';
import { SignalingError } from './errors.js';
import { joinSession } from './joinSession.js';
import {
  connectionClosed,
  heartbeat,
  leaveSession,
  sendMessage,
  sendSignal,
  updateMediaState,
} from './peerMethods.js';
import type { SignalingEvents, SignalingState } from './state.js';

type Context = HubInvocationContext<HubPrincipal, SignalingEvents>;
type Handler = (ctx: Context, ...args: unknown[]) => unknown;

/** Turns anything a method threw into the `HubError` the client sees (never leaking internals). */
function toHubError(state: SignalingState, method: string, error: unknown): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof SignalingError) {
    if (method === HubMethod.SendSignal) state.metrics.signalRejected(error.code);
    state.deps.logger.debug({ method, code: error.code }, 'signaling: call refused');
    return new HubError(formatHubError(error.code, error.message));
  }
  state.deps.logger.error(
    { method, err: error instanceof Error ? error.message : String(error) },
    'signaling: hub method failed',
  );
  return new HubError(formatHubError(ErrorCode.SERVER_ERROR, 'internal server error'));
}

function wrap(
  state: SignalingState,
  method: string,
  handler: Handler,
): HubMethodHandler<HubPrincipal, SignalingEvents> {
  return async (ctx, ...args) => {
    try {
      return await handler(ctx as Context, ...args);
    } catch (error) {
      if (method === HubMethod.JoinSession) state.metrics.join('rejected');
      throw toHubError(state, method, error);
    }
  };
}

/** Builds the hub definition over the shared signaling state. */
export function createHubDefinition(state: SignalingState): HubDefinition<HubPrincipal, SignalingEvents> {
  return {
    methods: {
      [HubMethod.JoinSession]: wrap(state, HubMethod.JoinSession, (ctx, sessionId, username, options) =>
        joinSession(state, ctx, sessionId, username, options),
      ),
      [HubMethod.SendSignal]: wrap(state, HubMethod.SendSignal, (ctx, target, signal) =>
        sendSignal(state, ctx, target, signal),
      ),
      [HubMethod.LeaveSession]: wrap(state, HubMethod.LeaveSession, (ctx, sessionId) =>
        leaveSession(state, ctx, sessionId),
      ),
      [HubMethod.Heartbeat]: wrap(state, HubMethod.Heartbeat, (ctx) => heartbeat(state, ctx)),
      [HubMethod.UpdateMediaState]: wrap(state, HubMethod.UpdateMediaState, (ctx, media) =>
        updateMediaState(state, ctx, media),
      ),
      [HubMethod.SendMessage]: wrap(state, HubMethod.SendMessage, (ctx, text) =>
        sendMessage(state, ctx, text),
      ),
    },
    onConnected(ctx) {
      state.liveConnections.add(ctx.caller.connectionId);
    },
    async onDisconnected(ctx, _error, details) {
      await connectionClosed(state, ctx.caller.connectionId, details.closedByClient);
    },
  };
}
