import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A 16-character lower-case URL-safe id (80 random bits) that matches `SESSION_ID_PATTERN`. */
export function newSessionId(): string {
  const bytes = randomBytes(16);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

/** A new user id. */
export function newUserId(): string {
  return randomUUID();
}
