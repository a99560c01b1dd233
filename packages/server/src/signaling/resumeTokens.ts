/**
 * Resume tokens: stateless HS256 JWTs that let a participant rejoin under the same peerId after a
 * signaling reconnect, even across a server restart (the key is stable, derived from the JWT secret).
 */
import { ErrorCode } from '@smartc/protocol';
import { errors, jwtVerify, SignJWT } from 'jose';
import { SignalingError } from './errors.js';

/** Audience that keeps resume tokens from being mistaken for any other token. */
export const RESUME_TOKEN_AUDIENCE = 'smartc:signaling-resume';

/** What a resume token binds. */
export interface ResumeClaims {
  sessionId: string;
  peerId: string;
  /** `user:<userId>` or `guest:<display name>`. */
  principal: string;
}

/** Issues and verifies resume tokens. */
export interface ResumeTokens {
  issue(claims: ResumeClaims): Promise<string>;
  /** Resolves the claims, or rejects with `SIGNALING_RESUME_REJECTED`. */
  verify(token: string): Promise<ResumeClaims>;
}

/** Options of {@link createResumeTokens}. */
export interface ResumeTokenOptions {
  key: Uint8Array;
  ttlSeconds: number;
  /** Clock in milliseconds (tests). Default `Date.now`. */
  now?: () => number;
}

/**
 * Creates the resume-token service.
 * @throws when the key is empty or the TTL is not a positive number.
 */
export function createResumeTokens(options: ResumeTokenOptions): ResumeTokens {
  const { key, ttlSeconds } = options;
  const now = options.now ?? Date.now;
  if (key.byteLength === 0) throw new Error('resume token key must not be empty');
  if (!(ttlSeconds > 0)) throw new Error('resumeTokenTtlSeconds must be positive');

  return {
    async issue(claims) {
      const iat = Math.floor(now() / 1000);
      return new SignJWT({ sid: claims.sessionId, pid: claims.peerId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.principal)
        .setAudience(RESUME_TOKEN_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + Math.ceil(ttlSeconds))
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          audience: RESUME_TOKEN_AUDIENCE,
          currentDate: new Date(now()),
          requiredClaims: ['sub', 'exp'],
        });
        const { sid, pid, sub } = payload;
        if (typeof sid !== 'string' || typeof pid !== 'string' || typeof sub !== 'string') {
          throw new SignalingError(ErrorCode.SIGNALING_RESUME_REJECTED, 'resume token is malformed');
        }
        return { sessionId: sid, peerId: pid, principal: sub };
      } catch (error) {
        if (error instanceof SignalingError) throw error;
        const message =
          error instanceof errors.JWTExpired ? 'resume token has expired' : 'resume token is invalid';
        throw new SignalingError(ErrorCode.SIGNALING_RESUME_REJECTED, `${message}; join again without it`);
      }
    },
  };
}
