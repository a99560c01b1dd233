/**
 * What the signaling hub needs from the rest of the server. `app.ts` builds one of these from
 * the real storage, auth and ICE services; signaling tests may build one from the same real services.
 */
import type { IceServer, Role } from '@smartc/protocol';
import type { HubLogger } from '@smartc/signalr-server';
import type { Registry } from 'prom-client';

/** A session as storage knows it (server-internal; the REST DTO adds creator and participants). */
export interface SessionRecord {
  id: string;
  name: string;
  description: string | null;
  /** `null` for ad-hoc rooms. */
  creatorId: string | null;
  createdAt: string;
  maxParticipants: number;
  adHoc: boolean;
}

/** The authenticated principal of a hub connection. */
export type HubPrincipal = { kind: 'user'; userId: string; username: string; role: Role } | { kind: 'guest' };

/** Signaling configuration, resolved from CLI flags and environment. */
export interface SignalingConfig {
  /** Join the hub without an account, under a display name. */
  allowGuests: boolean;
  /** `JoinSession` with an unknown id creates that room. */
  adHocRooms: boolean;
  /** How long a participant whose connection dropped is kept for a resume before others see UserLeft. */
  resumeGraceMs: number;
  /** Resume tokens are accepted for this long after they were issued (refreshed on every join). */
  resumeTokenTtlSeconds: number;
}

export interface SignalingDeps {
  config: SignalingConfig;
  sessions: {
    findById(id: string): Promise<SessionRecord | undefined>;
    /** Creates an ad-hoc room with this id (name = id); returns the existing one on a race. */
    createAdHoc(id: string): Promise<SessionRecord>;
  };
  /**
   * Verifies an access token. Resolves the user, or rejects with a `SmaRTCServerError`-like
   * error carrying `code` AUTH_TOKEN_INVALID / AUTH_TOKEN_EXPIRED.
   */
  verifyAccessToken(token: string): Promise<{ userId: string; username: string; role: Role }>;
  /** ICE servers for this participant (TURN credentials are minted per user/peer). */
  iceServers(subject: string): Promise<IceServer[]>;
  /** HS256 key for resume tokens; stable across restarts (derived from the JWT secret). */
  resumeTokenKey: Uint8Array;
  logger: HubLogger;
  /** Prometheus registry to add signaling metrics to. */
  metrics?: Registry;
}

/** What `createSignaling(deps)` (in `./index.ts`) returns to the app. */
export interface Signaling {
  /** The SignalR hub; the app routes `/signalhub*` requests and upgrades to it. */
  readonly hub: {
    handleRequest(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): boolean;
    handleUpgrade(
      req: import('node:http').IncomingMessage,
      socket: import('node:stream').Duplex,
      head: Buffer,
    ): boolean;
    readonly connectionCount: number;
  };
  /** Participants present in a session right now (for the REST session DTOs). */
  participants(sessionId: string): import('@smartc/protocol').ParticipantDto[];
  /** The session was deleted: notify its participants (`SessionEnded`, `UserLeft`) and drop them. */
  endSession(sessionId: string): Promise<void>;
  /** `POST /api/session/{id}/leave`: remove this user's participants from the session. */
  removeUser(sessionId: string, userId: string): Promise<void>;
  /** Graceful shutdown: close every connection with `allowReconnect: true`. */
  close(): Promise<void>;
}
