import { describe, expect, it } from 'vitest';
import { AuthError, SignalingError, SmaRTCError } from '../errors.js';
import { abortedError, toSmaRTCError } from './hubErrors.js';

describe('toSmaRTCError', () => {
  it('recovers the code of a hub exception', () => {
    const e = toSmaRTCError(
      new Error(
        "An unexpected error occurred invoking 'SendSignal' on the server. HubException: SIGNALING_PEER_NOT_FOUND: No such peer",
      ),
      'invoke',
    );
    expect(e).toBeInstanceOf(SignalingError);
    expect(e.code).toBe('SIGNALING_PEER_NOT_FOUND');
    expect(e.message).toBe('No such peer');
    expect(e.retryable).toBe(false);
  });

  it('recovers auth codes from a negotiate 401 and drops the status tail', () => {
    const e = toSmaRTCError(
      new Error(
        "Failed to complete negotiation with the server: Error: AUTH_TOKEN_EXPIRED: Token expired: Status code '401'",
      ),
      'connect',
    );
    expect(e).toBeInstanceOf(AuthError);
    expect(e.code).toBe('AUTH_TOKEN_EXPIRED');
    expect(e.message).toBe('Token expired');
  });

  it('maps a codeless 401 to AUTH_TOKEN_INVALID', () => {
    const e = toSmaRTCError(
      new Error("Failed to complete negotiation: Error: Unauthorized: Status code '401'"),
      'connect',
    );
    expect(e.code).toBe('AUTH_TOKEN_INVALID');
    expect(e.status).toBe(401);
  });

  it('maps a refused connection to a retryable SIGNALING_CONNECTION_FAILED', () => {
    const cause = new Error('Failed to complete negotiation with the server: TypeError: fetch failed');
    const e = toSmaRTCError(cause, 'connect');
    expect(e.code).toBe('SIGNALING_CONNECTION_FAILED');
    expect(e.retryable).toBe(true);
    expect(e.cause).toBe(cause);
  });

  it('maps a call cut by a lost connection to a retryable SIGNALING_DISCONNECTED', () => {
    const e = toSmaRTCError(
      new Error('Invocation canceled due to the underlying connection being closed.'),
      'invoke',
    );
    expect(e.code).toBe('SIGNALING_DISCONNECTED');
    expect(e.retryable).toBe(true);
  });

  it('falls back to SERVER_ERROR and keeps SmaRTCErrors as they are', () => {
    expect(toSmaRTCError(new Error("Unknown hub method 'Nope'"), 'invoke').code).toBe('SERVER_ERROR');
    const own = new SmaRTCError('TIMEOUT');
    expect(toSmaRTCError(own, 'invoke')).toBe(own);
    expect(abortedError('connect()').code).toBe('ABORTED');
  });
});
