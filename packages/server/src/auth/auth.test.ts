import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SmaRTCServerError } from '../errors.js';
import { createTurnCredentials } from '../ice/turnCredentials.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deriveResumeTokenKey, TokenService } from './tokens.js';

describe('passwords', () => {
  it('hashes with a salt and stored parameters, and verifies', async () => {
    const a = await hashPassword('Correct horse 1');
    const b = await hashPassword('Correct horse 1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Correct horse 1', a)).toBe(true);
    expect(await verifyPassword('Correct horse 2', a)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$nonsense')).toBe(false);
  });
});

describe('TokenService', () => {
  const secret = 'k'.repeat(40);

  it('issues HS256 tokens with sub, name, role, iat, exp', async () => {
    const tokens = new TokenService(secret, 60);
    const now = new Date();
    const { token, expiresAt } = await tokens.issue({ userId: 'u1', username: 'ann', role: 'user' }, now);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ sub: 'u1', name: 'ann', role: 'user' });
    expect(payload.exp - payload.iat).toBe(60);
    expect(expiresAt.getTime()).toBe(payload.exp * 1000);
    expect(await tokens.verify(token)).toEqual({ userId: 'u1', username: 'ann', role: 'user' });
  });

  it('rejects expired and foreign tokens with stable codes', async () => {
    const tokens = new TokenService(secret, 60);
    const old = await tokens.issue(
      { userId: 'u1', username: 'ann', role: 'user' },
      new Date(Date.now() - 3_600_000),
    );
    await expect(tokens.verify(old.token)).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED', status: 401 });
    const other = await new TokenService('o'.repeat(40), 60).issue({
      userId: 'u1',
      username: 'ann',
      role: 'admin',
    });
    await expect(tokens.verify(other.token)).rejects.toBeInstanceOf(SmaRTCServerError);
    await expect(tokens.verify(other.token)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it('derives a stable 32-byte resume key distinct from the secret', () => {
    const key = deriveResumeTokenKey(secret);
    expect(key).toHaveLength(32);
    expect(Buffer.from(key)).toEqual(Buffer.from(deriveResumeTokenKey(secret)));
    expect(Buffer.from(key)).not.toEqual(Buffer.from(deriveResumeTokenKey(`${secret}!`)));
  });
});

describe('createTurnCredentials', () => {
  it('follows the coturn REST API form', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const c = createTurnCredentials('secret', 'user-1', 100, now);
    expect(c.username).toBe(`${now.getTime() / 1000 + 100}:user-1`);
    expect(c.credential).toBe(createHmac('sha1', 'secret').update(c.username).digest('base64'));
    expect(c.expiresAt.getTime()).toBe(now.getTime() + 100_000);
  });
});
