import { SmaRTCError } from '@smartc/core';
import { describe, expect, it } from 'vitest';
import { getLocalMedia } from './getLocalMedia.js';
import { normalizeMediaError } from './normalizeMediaError.js';

describe('normalizeMediaError', () => {
  it.each([
    ['NotAllowedError', 'MEDIA_PERMISSION_DENIED'],
    ['SecurityError', 'MEDIA_PERMISSION_DENIED'],
    ['PermissionDeniedError', 'MEDIA_PERMISSION_DENIED'],
    ['NotReadableError', 'MEDIA_DEVICE_IN_USE'],
    ['TrackStartError', 'MEDIA_DEVICE_IN_USE'],
    ['AbortError', 'MEDIA_DEVICE_IN_USE'],
    ['NotFoundError', 'MEDIA_DEVICE_NOT_FOUND'],
    ['DevicesNotFoundError', 'MEDIA_DEVICE_NOT_FOUND'],
    ['OverconstrainedError', 'MEDIA_CONSTRAINTS_UNSATISFIABLE'],
    ['ConstraintNotSatisfiedError', 'MEDIA_CONSTRAINTS_UNSATISFIABLE'],
    ['NotSupportedError', 'MEDIA_UNSUPPORTED'],
  ])('maps DOMException %s to %s and keeps the cause', (name, code) => {
    const cause = new DOMException('boom', name);
    const error = normalizeMediaError(cause);
    expect(error).toBeInstanceOf(SmaRTCError);
    expect(error.code).toBe(code);
    expect(error.cause).toBe(cause);
  });

  it('names the unsatisfied constraint (OverconstrainedError.constraint)', () => {
    const cause = Object.assign(new DOMException('', 'OverconstrainedError'), { constraint: 'width' });
    const error = normalizeMediaError(cause);
    expect(error.code).toBe('MEDIA_CONSTRAINTS_UNSATISFIABLE');
    expect(error.message).toContain('"width"');
  });

  it('maps a TypeError (e.g. empty constraints) and unknown values to MEDIA_UNSUPPORTED', () => {
    expect(normalizeMediaError(new TypeError('At least one of audio and video must be requested')).code).toBe(
      'MEDIA_UNSUPPORTED',
    );
    expect(normalizeMediaError('weird').code).toBe('MEDIA_UNSUPPORTED');
    expect(normalizeMediaError(undefined).code).toBe('MEDIA_UNSUPPORTED');
  });

  it('maps legacy plain objects by name too (old Chrome callbacks)', () => {
    expect(normalizeMediaError({ name: 'PermissionDeniedError' }).code).toBe('MEDIA_PERMISSION_DENIED');
  });

  it('returns a SmaRTCError unchanged', () => {
    const original = new SmaRTCError('MEDIA_DEVICE_IN_USE');
    expect(normalizeMediaError(original)).toBe(original);
  });
});

describe('getLocalMedia', () => {
  const stream = {} as MediaStream;

  it('calls the injected mediaDevices.getUserMedia with the constraints', async () => {
    const calls: unknown[] = [];
    const mediaDevices = {
      getUserMedia: async (constraints?: MediaStreamConstraints) => {
        calls.push(constraints);
        return stream;
      },
    };
    await expect(getLocalMedia({ audio: true }, { mediaDevices })).resolves.toBe(stream);
    expect(calls).toEqual([{ audio: true }]);
  });

  it('rejects with normalised errors', async () => {
    const mediaDevices = {
      getUserMedia: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    };
    await expect(getLocalMedia({ video: true }, { mediaDevices })).rejects.toMatchObject({
      code: 'MEDIA_PERMISSION_DENIED',
    });
  });

  it('rejects with MEDIA_UNSUPPORTED without mediaDevices (Node, insecure context)', async () => {
    expect('navigator' in globalThis && 'mediaDevices' in (globalThis.navigator ?? {})).toBe(false);
    await expect(getLocalMedia({ video: true })).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    await expect(getLocalMedia({ video: true }, { mediaDevices: undefined })).rejects.toMatchObject({
      code: 'MEDIA_UNSUPPORTED',
    });
    await expect(
      getLocalMedia({ video: true }, { mediaDevices: {} as unknown as { getUserMedia: never } }),
    ).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
  });
});
