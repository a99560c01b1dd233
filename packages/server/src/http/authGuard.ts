import { ErrorCode } from '@smartc/protocol';
import type { FastifyRequest } from 'fastify';
import type { TokenService } from '../auth/tokens.js';
import { Errors, SmaRTCServerError } from '../errors.js';
import type { UserRecord, UserRepository } from '../storage/repositories.js';

/** Extracts the bearer token, or `undefined` when no Authorization header was sent. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new SmaRTCServerError(ErrorCode.AUTH_TOKEN_INVALID, 'Use Authorization: Bearer <token>');
  }
  return match[1];
}

/** Resolves the caller of REST requests from their bearer token, checking the account still exists. */
export class AuthGuard {
  readonly #tokens: TokenService;
  readonly #users: UserRepository;

  constructor(tokens: TokenService, users: UserRepository) {
    this.#tokens = tokens;
    this.#users = users;
  }

  /** Verifies `token` and loads its user; rejects with AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED. */
  async userFromToken(token: string): Promise<UserRecord> {
    const claims = await this.#tokens.verify(token);
    const user = await this.#users.findById(claims.userId);
    if (!user)
      throw new SmaRTCServerError(ErrorCode.AUTH_TOKEN_INVALID, 'The account of this token no longer exists');
    return user;
  }

  /** The signed-in user, or 401 (`AUTH_REQUIRED` without a token). Roles come from storage, not the token. */
  async requireUser(request: FastifyRequest): Promise<UserRecord> {
    const token = bearerToken(request);
    if (token === undefined) throw Errors.authRequired();
    return this.userFromToken(token);
  }

  /** The signed-in user, or `undefined` when no token was sent (a bad token still fails). */
  async optionalUser(request: FastifyRequest): Promise<UserRecord | undefined> {
    const token = bearerToken(request);
    return token === undefined ? undefined : this.userFromToken(token);
  }

  /** The signed-in admin, or 401/403. */
  async requireAdmin(request: FastifyRequest): Promise<UserRecord> {
    const user = await this.requireUser(request);
    if (user.role !== 'admin') throw Errors.forbidden('This needs the admin role');
    return user;
  }
}
