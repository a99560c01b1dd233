import { describe, expect, it } from 'vitest';
import { AuthError, SmaRTCError } from '../errors.js';
import { errorFromResponse, parseRetryAfter } from './httpClient.js';

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  const response = (status: number, headers: Record<string, string> = {}) =>
    new Response(null, { status, statusText: 'X', headers });

  it('keeps the code, message and details of an error body, in the right subclass', () => {
    const error = errorFromResponse(
      response(401),
      JSON.stringify({ error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } }),
      'GET /api/auth/me',
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      code: 'AUTH_TOKEN_EXPIRED',
      message: 'expired',
      status: 401,
      retryable: false,
    });
  });

  it('maps bodies without a known code by status', () => {
    const unknownCode = JSON.stringify({ error: { code: 'NOPE', message: 'x' } });
    expect(errorFromResponse(response(404), unknownCode, 'GET /x')).toMatchObject({
      code: 'SERVER_ERROR',
      status: 404,
      retryable: false,
    });
    expect(errorFromResponse(response(502), '<html>', 'GET /x')).toMatchObject({
      code: 'SERVER_ERROR',
      status: 502,
      retryable: true,
    });
    const limited = errorFromResponse(response(429, { 'retry-after': '7' }), '', 'POST /x');
    expect(limited).toBeInstanceOf(SmaRTCError);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 7 });
    expect(errorFromResponse(response(413), '', 'POST /x')).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
