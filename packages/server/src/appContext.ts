import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AuthRateLimiter } from './auth/loginRateLimiter.js';
import type { TokenService } from './auth/tokens.js';
import type { ServerConfig } from './config/serverConfig.js';
import type { AuthGuard } from './http/authGuard.js';
import type { IceService } from './ice/iceService.js';
import type { ServerMetrics } from './metrics.js';
import type { Signaling } from './signaling/deps.js';
import type { Storage } from './storage/repositories.js';

/** The Fastify instance type used by the server (TypeBox type provider). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The services routes use. Built once per server by `createServer`. */
export interface AppContext {
  readonly config: ServerConfig;
  readonly storage: Storage;
  readonly tokens: TokenService;
  readonly auth: AuthGuard;
  readonly rateLimiter: AuthRateLimiter;
  readonly ice: IceService;
  readonly signaling: Signaling;
  readonly metrics: ServerMetrics;
  readonly version: string;
  /** `Date.now()` when the server was created. */
  readonly startedAt: number;
}
