import { ErrorCode, parseHubError } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { createAuthenticate } from './authenticate.js';
import type { SignalingConfig } from './deps.js';

const config = (allowGuests: boolean): SignalingConfig => ({
  allowGuests,
  adHocRooms: false,
  resumeGraceMs: 1000,
  resumeTokenTtlSeconds: 60,
});

function codedError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

const verifyAccessToken = async (token: string) => {
  if (token === 'good') return { userId: 'u1', username: 'alice', role: 'user' as const };
  if (token === 'old') throw codedError(ErrorCode.AUTH_TOKEN_EXPIRED);
  if (token === 'boom') throw new Error('database is down');
  throw codedError(ErrorCode.AUTH_TOKEN_INVALID);
};

describe('hub authenticate', () => {
  it('accepts a valid token as a user', async () => {
    const auth = createAuthenticate({ config: config(false), verifyAccessToken });
    expect(await auth('good')).toEqual({
      ok: true,
      user: { kind: 'user', userId: 'u1', username: 'alice', role: 'user' },
    });
  });

  it('refuses a bad or expired token with 401 even when guests are allowed', async () => {
    const auth = createAuthenticate({ config: config(true), verifyAccessToken });
    const bad = await auth('nope');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.status).toBe(401);
      expect(parseHubError(bad.message)?.code).toBe(ErrorCode.AUTH_TOKEN_INVALID);
    }
    const expired = await auth('old');
    expect(!expired.ok && parseHubError(expired.message)?.code).toBe(ErrorCode.AUTH_TOKEN_EXPIRED);
  });

  it('makes a guest without a token only when guests are allowed', async () => {
    expect(await createAuthenticate({ config: config(true), verifyAccessToken })(undefined)).toEqual({
      ok: true,
      user: { kind: 'guest' },
    });
    const refused = await createAuthenticate({ config: config(false), verifyAccessToken })('');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.status).toBe(401);
    expect(!refused.ok && parseHubError(refused.message)?.code).toBe(ErrorCode.SIGNALING_GUESTS_DISABLED);
  });

  it('rethrows failures that are not about the token', async () => {
    const auth = createAuthenticate({ config: config(true), verifyAccessToken });
    await expect(auth('boom')).rejects.toThrow('database is down');
  });
});
