/**
 * @smartc/server: the SmaRTC reference server (REST API, signaling hub, storage) as a library.
 * The `smartc-server` CLI is a thin wrapper around {@link createServer}.
 */

export { buildApp } from './app.js';
export type { App, AppContext } from './appContext.js';
export { hashPassword, verifyPassword } from './auth/passwords.js';
export { deriveResumeTokenKey, type IssuedToken, type TokenClaims, TokenService } from './auth/tokens.js';
export { type CommandLine, parseCommandLine, USAGE } from './config/commandLine.js';
export {
  ConfigError,
  DEFAULT_DB_PATH,
  DEFAULT_PORT,
  type LogLevel,
  type RateLimitConfig,
  type RateLimitRule,
  resolveConfig,
  type ServerConfig,
  type ServerOptions,
} from './config/serverConfig.js';
export { DEMO_USERS, seedDemoUsers } from './demo/seedDemoUsers.js';
export { type ErrorDetail, isSmaRTCServerError, SmaRTCServerError } from './errors.js';
export { createTurnCredentials, type TurnCredentials } from './ice/turnCredentials.js';
export { createLogger } from './logger.js';
export type { ServerMetrics } from './metrics.js';
export { type CreateServerOptions, createServer, type SmaRTCServer, startServer } from './server.js';
export type {
  HubPrincipal,
  SessionRecord,
  Signaling,
  SignalingConfig,
  SignalingDeps,
} from './signaling/deps.js';
export { createKyselyStorage, openSqliteStorage } from './storage/database.js';
export {
  type NewSession,
  type SessionRepository,
  type SettingsRepository,
  type Storage,
  UsernameTakenError,
  type UserRecord,
  type UserRepository,
} from './storage/repositories.js';
export { SERVER_VERSION } from './version.js';
