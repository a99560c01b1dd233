import { SmaRTCError } from '@smartc/core';
import { describe, expect, it } from 'vitest';
import { normalizeQuality } from './legacy.js';
import { decodeMessage, encodeMessage, toSmaRTCError } from './wire.js';

describe('client wire format', () => {
  it('objects, strings, numbers and null round-trip through JSON', () => {
    for (const value of [{ a: [1, { b: 'x' }] }, 'text', 42, null, true]) {
      expect(decodeMessage(encodeMessage(value) as string)).toEqual(value);
    }
    expect(encodeMessage(undefined)).toBe('null');
  });

  it('binary is sent and received as it is; non-JSON text stays text', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(encodeMessage(bytes)).toBe(bytes);
    const buffer = new ArrayBuffer(4);
    expect(decodeMessage(buffer)).toBe(buffer);
    expect(decodeMessage('not json {')).toBe('not json {');
  });

  it('wraps foreign errors with a code and keeps SmaRTCErrors', () => {
    const own = new SmaRTCError('TIMEOUT');
    expect(toSmaRTCError(own, 'SERVER_ERROR')).toBe(own);
    const wrapped = toSmaRTCError(new TypeError('nope'), 'MEDIA_UNSUPPORTED');
    expect(wrapped).toMatchObject({ code: 'MEDIA_UNSUPPORTED', message: 'nope' });
    expect(wrapped.cause).toBeInstanceOf(TypeError);
  });
});

describe('normalizeQuality', () => {
  it('maps the documented levels and the original enum names', () => {
    expect(['veryLow', 'low', 'medium', 'high', 'veryHigh', 'auto'].map(normalizeQuality)).toEqual([
      'low',
      'low',
      'medium',
      'high',
      'high',
      'auto',
    ]);
    expect(normalizeQuality('ultra')).toBeNull();
  });
});
