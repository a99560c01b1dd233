import { hkdfSync } from 'node:crypto';
import { ErrorCode, type Role } from '@smartc/protocol';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { SmaRTCServerError } from '../errors.js';

const ISSUER = 'smartc';

/** The identity an access token carries. */
export interface TokenClaims {
  userId: string;
  username: string;
  role: Role;
}

/** A signed access token and when it expires. */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Signs and verifies HS256 access tokens (`sub`, `name`, `role`, `iat`, `exp`, `iss`). */
export class TokenService {
  readonly #key: Uint8Array;
  readonly #ttlSeconds: number;

  constructor(secret: string, ttlSeconds: number) {
    this.#key = new TextEncoder().encode(secret);
    this.#ttlSeconds = ttlSeconds;
  }

  /** Signs a token for `claims`, valid for the configured lifetime from `now`. */
  async issue(claims: TokenClaims, now: Date = new Date()): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.#ttlSeconds;
    const token = await new SignJWT({ name: claims.username, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.#key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * Verifies a token. Rejects with {@link SmaRTCServerError} `AUTH_TOKEN_EXPIRED` or
   * `AUTH_TOKEN_INVALID` (bad signature, algorithm, issuer or claims).
   */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { algorithms: ['HS256'], issuer: ISSUER });
      const { sub, name, role } = payload;
      if (typeof sub !== 'string' || typeof name !== 'string' || (role !== 'user' && role !== 'admin')) {
        throw new SmaRTCServerError(ErrorCode.AUTH_TOKEN_INVALID, 'The access token is missing claims');
      }
      return { userId: sub, username: name, role };
    } catch (error) {
      if (error instanceof SmaRTCServerError) throw error;
      if (error instanceof joseErrors.JWTExpired) {
        throw new SmaRTCServerError(
          ErrorCode.AUTH_TOKEN_EXPIRED,
          'The access token has expired: sign in again',
        );
      }
      throw new SmaRTCServerError(ErrorCode.AUTH_TOKEN_INVALID, 'The access token is not valid', {
        cause: error,
      });
    }
  }
}

/** The signaling resume-token key: HKDF-SHA256 of the JWT secret with its own label. */
export function deriveResumeTokenKey(jwtSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', jwtSecret, 'smartc', 'smartc/signaling/resume-token/v1', 32));
}
