import { ErrorCode } from '@smartc/protocol';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { SignalingError } from './errors.js';
import { createResumeTokens, RESUME_TOKEN_AUDIENCE } from './resumeTokens.js';

const key = new TextEncoder().encode('resume-key-for-tests-0123456789abcdef');
const claims = { sessionId: 'room', peerId: 'p_123', principal: 'guest:Alice' };

async function rejection(promise: Promise<unknown>): Promise<SignalingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignalingError);
  expect((error as SignalingError).code).toBe(ErrorCode.SIGNALING_RESUME_REJECTED);
  return error as SignalingError;
}

describe('resume tokens', () => {
  it('round-trips the bound claims', async () => {
    const tokens = createResumeTokens({ key, ttlSeconds: 60 });
    expect(await tokens.verify(await tokens.issue(claims))).toEqual(claims);
  });

  it('survives a restart: a new instance with the same key accepts old tokens', async () => {
    const token = await createResumeTokens({ key, ttlSeconds: 60 }).issue(claims);
    expect(await createResumeTokens({ key, ttlSeconds: 60 }).verify(token)).toEqual(claims);
  });

  it('rejects expired tokens', async () => {
    let now = 1_700_000_000_000;
    const tokens = createResumeTokens({ key, ttlSeconds: 30, now: () => now });
    const token = await tokens.issue(claims);
    now += 29_000;
    await expect(tokens.verify(token)).resolves.toEqual(claims);
    now += 2_000;
    expect((await rejection(tokens.verify(token))).message).toMatch(/expired/);
  });

  it('rejects tokens signed with another key, tampered tokens and garbage', async () => {
    const tokens = createResumeTokens({ key, ttlSeconds: 60 });
    const other = createResumeTokens({ key: new TextEncoder().encode('another-key'), ttlSeconds: 60 });
    await rejection(tokens.verify(await other.issue(claims)));
    const token = await tokens.issue(claims);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, pid: 'p_other' })).toString('base64url');
    await rejection(tokens.verify(`${header}.${forged}.${signature}`));
    await rejection(tokens.verify('not-a-jwt'));
  });

  it('rejects a token of the same key but another audience (e.g. an access token)', async () => {
    const tokens = createResumeTokens({ key, ttlSeconds: 60 });
    const access = await new SignJWT({ sid: 'room', pid: 'p_1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user:1')
      .setExpirationTime('1h')
      .sign(key);
    await rejection(tokens.verify(access));
    const noPid = await new SignJWT({ sid: 'room' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user:1')
      .setAudience(RESUME_TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(key);
    expect((await rejection(tokens.verify(noPid))).message).toMatch(/malformed/);
  });

  it('refuses an empty key or a bad TTL', () => {
    expect(() => createResumeTokens({ key: new Uint8Array(), ttlSeconds: 60 })).toThrow(/key/);
    expect(() => createResumeTokens({ key, ttlSeconds: 0 })).toThrow(/positive/);
  });
});
