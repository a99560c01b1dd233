import { createHmac } from 'node:crypto';

/** A TURN username/credential pair in the coturn REST API form. */
export interface TurnCredentials {
  /** `<expiry unix seconds>:<subject>`. */
  username: string;
  /** base64(HMAC-SHA1(secret, username)). */
  credential: string;
  expiresAt: Date;
}

/**
 * Mints short-lived TURN credentials for `subject` (a user id or peer id) that coturn accepts
 * with `use-auth-secret` + `static-auth-secret=<secret>`.
 */
export function createTurnCredentials(
  secret: string,
  subject: string,
  ttlSeconds: number,
  now: Date = new Date(),
): TurnCredentials {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = `${expiry}:${subject}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}
