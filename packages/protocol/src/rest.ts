/** REST routes, relative to the server origin. Same origin and port as the hub. */
export const ApiRoutes = {
  register: '/api/auth/register',
  login: '/api/auth/login',
  me: '/api/auth/me',
  sessions: '/api/session',
  session: (id: string) => `/api/session/${encodeURIComponent(id)}`,
  joinSession: (id: string) => `/api/session/${encodeURIComponent(id)}/join`,
  leaveSession: (id: string) => `/api/session/${encodeURIComponent(id)}/leave`,
  iceServers: '/api/webrtc/ice',
  iceServersAlias: '/api/webrtc/ice-servers',
  adminUsers: '/api/admin/users',
  health: '/health',
  metrics: '/metrics',
  openApiJson: '/docs/json',
  docs: '/docs',
  sdkGlobal: '/sdk/smartc.global.js',
  sdkGlobalMin: '/sdk/smartc.global.min.js',
} as const;

/** Account roles. The server assigns them; a client can never choose one. */
export type Role = 'user' | 'admin';

/** `POST /api/auth/register` and `POST /api/auth/login` request body. */
export interface Credentials {
  username: string;
  password: string;
}

/** A user as the API shows it: never a hash or any other secret. */
export interface UserDto {
  id: string;
  username: string;
  role: Role;
}

/** `POST /api/auth/login` → 200. */
export interface LoginResponse {
  token: string;
  /** ISO 8601 instant after which `token` is rejected with `AUTH_TOKEN_EXPIRED`. */
  expiresAt: string;
  user: UserDto;
}

/** `POST /api/session` request body. */
export interface CreateSessionRequest {
  name: string;
  description?: string;
  /** Defaults to `Limits.participantsDefault`; at most `Limits.participantsMax`. */
  maxParticipants?: number;
}

/** Someone present in a session's call right now. */
export interface ParticipantDto {
  peerId: string;
  username: string;
  /** `null` for guests. */
  userId: string | null;
  joinedAt: string;
}

/** A session (a call). Never embeds a password hash or any secret. */
export interface SessionDto {
  id: string;
  name: string;
  description: string | null;
  /** `null` for ad-hoc rooms created by joining an unknown id. */
  creator: { id: string; username: string } | null;
  createdAt: string;
  maxParticipants: number;
  /** True for rooms created on the fly by the hub (ad-hoc rooms). */
  adHoc: boolean;
  participants: ParticipantDto[];
}

/** `POST /api/session/{id}/join` → 200: a pre-flight check before joining the hub. */
export interface JoinSessionResponse {
  session: SessionDto;
  iceServers: IceServer[];
}

/** The standard `RTCIceServer` shape, as JSON. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** `GET /api/webrtc/ice` → 200. */
export interface IceConfigResponse {
  iceServers: IceServer[];
  /** Seconds the entries (notably TURN credentials) stay valid. */
  ttl: number;
}

/** `GET /health` → 200 (or 503 when a dependency is down). */
export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  uptimeSeconds: number;
  checks: Record<string, { status: 'ok' | 'down'; detail?: string }>;
  /** What this server lets clients do, so apps can adapt their UI without probing. */
  features: ServerFeatures;
}

/** The optional behaviours of a server (on in demo mode). */
export interface ServerFeatures {
  /** Joining the hub without an account, under a display name. */
  guests: boolean;
  /** `JoinSession` with an unknown id creates that room. */
  adhocRooms: boolean;
}
