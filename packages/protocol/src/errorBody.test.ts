import { describe, expect, it } from 'vitest';
import { formatHubError, isErrorBody, parseHubError } from './errorBody.js';
import { ErrorCode } from './errorCodes.js';

describe('hub error strings', () => {
  it('round-trips a code through format and parse', () => {
    const text = formatHubError(ErrorCode.SESSION_FULL, 'Session "a" is full (16 participants)');
    expect(parseHubError(text)).toEqual({
      code: 'SESSION_FULL',
      message: 'Session "a" is full (16 participants)',
    });
  });

  it('finds the code inside the .NET-style invocation error prefix', () => {
    const text =
      "An unexpected error occurred invoking 'SendSignal' on the server. HubException: SIGNALING_NOT_JOINED: Join a session first";
    expect(parseHubError(text)).toEqual({ code: 'SIGNALING_NOT_JOINED', message: 'Join a session first' });
  });

  it('returns undefined for text without a known code', () => {
    expect(parseHubError("Unknown hub method 'Nope'")).toBeUndefined();
    expect(parseHubError('NOT_A_CODE: hello')).toBeUndefined();
  });
});

describe('isErrorBody', () => {
  it('accepts the REST error shape with a known code', () => {
    expect(isErrorBody({ error: { code: 'RATE_LIMITED', message: 'Slow down' } })).toBe(true);
  });

  it('rejects unknown codes, missing messages and non-objects', () => {
    expect(isErrorBody({ error: { code: 'WHATEVER', message: 'x' } })).toBe(false);
    expect(isErrorBody({ error: { code: 'RATE_LIMITED' } })).toBe(false);
    expect(isErrorBody('Invalid credentials.')).toBe(false);
    expect(isErrorBody(null)).toBe(false);
  });
});
