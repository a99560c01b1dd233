import { ApiRoutes, ErrorCode } from '@smartc/protocol';
import type { App, AppContext } from '../appContext.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords.js';
import { Errors, SmaRTCServerError } from '../errors.js';
import { toUserDto } from '../http/dto.js';
import {
  bearerSecurity,
  EmptyObjectSchema,
  errorResponses,
  LoginBodySchema,
  LoginResponseSchema,
  RegisterBodySchema,
  UserDtoSchema,
} from '../http/schemas.js';
import { UsernameTakenError } from '../storage/repositories.js';
import { usernameKey } from '../storage/userRepository.js';

function isRateLimited(error: unknown): boolean {
  return error instanceof SmaRTCServerError && error.code === ErrorCode.RATE_LIMITED;
}

/** `POST /api/auth/register`, `POST /api/auth/login`, `GET /api/auth/me`. */
export function registerAuthRoutes(app: App, ctx: AppContext): void {
  const { storage, rateLimiter, tokens, metrics } = ctx;

  app.post(
    ApiRoutes.register,
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account (role is always "user")',
        body: RegisterBodySchema,
        querystring: EmptyObjectSchema,
        response: { 201: UserDtoSchema, ...errorResponses(400, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      try {
        await rateLimiter.beforeRegister(request.ip);
      } catch (error) {
        if (isRateLimited(error)) metrics.registrations.inc({ result: 'rate_limited' });
        throw error;
      }
      const taken = new SmaRTCServerError(
        ErrorCode.AUTH_USERNAME_TAKEN,
        `Username "${username}" is already taken`,
      );
      if (await storage.users.findByUsername(username)) {
        metrics.registrations.inc({ result: 'taken' });
        throw taken;
      }
      const passwordHash = await hashPassword(password);
      try {
        const user = await storage.users.create({ username, passwordHash, role: 'user' });
        metrics.registrations.inc({ result: 'success' });
        request.log.info({ userId: user.id }, 'user registered');
        return reply.status(201).send(toUserDto(user));
      } catch (error) {
        if (error instanceof UsernameTakenError) {
          metrics.registrations.inc({ result: 'taken' });
          throw taken;
        }
        throw error;
      }
    },
  );

  app.post(
    ApiRoutes.login,
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in and get an access token',
        body: LoginBodySchema,
        querystring: EmptyObjectSchema,
        response: { 200: LoginResponseSchema, ...errorResponses(400, 401, 413, 429) },
      },
    },
    async (request) => {
      const { username, password } = request.body;
      const key = usernameKey(username);
      try {
        await rateLimiter.beforeLogin(request.ip, key);
      } catch (error) {
        if (isRateLimited(error)) metrics.logins.inc({ result: 'rate_limited' });
        throw error;
      }
      const user = await storage.users.findByUsername(username);
      const ok = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDummy(password);
      if (!user || !ok) {
        await rateLimiter.loginFailed(key);
        metrics.logins.inc({ result: 'failure' });
        throw Errors.invalidCredentials();
      }
      await rateLimiter.loginSucceeded(key);
      metrics.logins.inc({ result: 'success' });
      const { token, expiresAt } = await tokens.issue({
        userId: user.id,
        username: user.username,
        role: user.role,
      });
      return { token, expiresAt: expiresAt.toISOString(), user: toUserDto(user) };
    },
  );

  app.get(
    ApiRoutes.me,
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: bearerSecurity,
        querystring: EmptyObjectSchema,
        response: { 200: UserDtoSchema, ...errorResponses(401) },
      },
    },
    async (request) => toUserDto(await ctx.auth.requireUser(request)),
  );
}
