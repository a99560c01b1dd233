import { ErrorCode } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  errorFromCode,
  isSmaRTCError,
  NetworkError,
  SignalingError,
  SmaRTCError,
} from './errors.js';

describe('SmaRTCError', () => {
  it('carries code, status, retryable and cause', () => {
    const cause = new TypeError('fetch failed');
    const error = errorFromCode(ErrorCode.NETWORK_UNREACHABLE, undefined, { cause });
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toBeInstanceOf(SmaRTCError);
    expect(error).toMatchObject({ code: 'NETWORK_UNREACHABLE', retryable: true, status: undefined, cause });
    expect(error.message).toBe('The server cannot be reached.');
  });

  it('picks the subclass from the code and keeps given messages', () => {
    expect(errorFromCode(ErrorCode.AUTH_TOKEN_EXPIRED, 'expired', { status: 401 })).toMatchObject({
      name: 'AuthError',
      message: 'expired',
      status: 401,
      retryable: false,
    });
    expect(errorFromCode(ErrorCode.FORBIDDEN)).toBeInstanceOf(AuthError);
    expect(errorFromCode(ErrorCode.SIGNALING_PEER_NOT_FOUND)).toBeInstanceOf(SignalingError);
    expect(errorFromCode(ErrorCode.SESSION_FULL).name).toBe('SmaRTCError');
  });

  it('is recognised by isSmaRTCError only', () => {
    expect(isSmaRTCError(new SmaRTCError(ErrorCode.TIMEOUT))).toBe(true);
    expect(isSmaRTCError(new Error('x'))).toBe(false);
  });
});
