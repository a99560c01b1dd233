import {
  ApiRoutes,
  type CreateSessionRequest,
  ErrorCode,
  isSessionDto,
  type JoinSessionResponse,
  Limits,
  SESSION_ID_PATTERN,
  type SessionDto,
} from '@smartc/protocol';
import { errorFromCode } from '../errors.js';
import type { CallOptions, HttpClient } from './httpClient.js';

function isSessionList(value: unknown): value is SessionDto[] {
  return Array.isArray(value) && value.every(isSessionDto);
}

function isJoinSessionResponse(value: unknown): value is JoinSessionResponse {
  if (typeof value !== 'object' || value === null) return false;
  const { session, iceServers } = value as Partial<Record<keyof JoinSessionResponse, unknown>>;
  return isSessionDto(session) && Array.isArray(iceServers);
}

/** Session ids are checked before any request (so `..` can never reach another route). */
function checkId(id: string): string {
  if (typeof id !== 'string' || id.length > Limits.sessionIdMax || !SESSION_ID_PATTERN.test(id)) {
    throw errorFromCode(ErrorCode.VALIDATION_FAILED, `Invalid session id: ${JSON.stringify(id)}.`, {
      details: [
        {
          path: 'id',
          message: `must be 1 to ${Limits.sessionIdMax} letters, digits, '_', '.' or '-', starting with a letter or digit`,
        },
      ],
    });
  }
  return id;
}

/**
 * Sessions (calls): `api.sessions`. Every method needs a signed-in user (or `getToken`).
 *
 * @example
 * const session = await api.sessions.create({ name: 'Daily stand-up', maxParticipants: 6 });
 * const { iceServers } = await api.sessions.join(session.id); // then join the signaling hub
 * await api.sessions.leave(session.id);
 * await api.sessions.delete(session.id);
 */
export class SessionsApi {
  readonly #http: HttpClient;

  /** @internal Use `api.sessions`. */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Creates a session owned by the signed-in user. Fails with `VALIDATION_FAILED` (with `details`).
   *
   * @example
   * const { id } = await api.sessions.create({ name: 'Team call', description: 'Weekly sync' });
   */
  async create(request: CreateSessionRequest, options?: CallOptions): Promise<SessionDto> {
    return this.#http.request({
      method: 'POST',
      path: ApiRoutes.sessions,
      body: request,
      auth: 'required',
      guard: isSessionDto,
      options,
    });
  }

  /**
   * Lists the sessions, with who is in each call right now.
   *
   * @example
   * for (const s of await api.sessions.list()) console.log(s.name, s.participants.length);
   */
  async list(options?: CallOptions): Promise<SessionDto[]> {
    return this.#http.request({
      method: 'GET',
      path: ApiRoutes.sessions,
      auth: 'required',
      guard: isSessionList,
      options,
    });
  }

  /**
   * One session. Fails with `SESSION_NOT_FOUND` (404).
   *
   * @example
   * const session = await api.sessions.get(sessionId);
   */
  async get(id: string, options?: CallOptions): Promise<SessionDto> {
    return this.#http.request({
      method: 'GET',
      path: ApiRoutes.session(checkId(id)),
      auth: 'required',
      guard: isSessionDto,
      options,
    });
  }

  /**
   * Deletes a session (its creator or an admin only); participants are told the call ended.
   * Fails with `FORBIDDEN` (403) or `SESSION_NOT_FOUND` (404). Never retried.
   *
   * @example
   * await api.sessions.delete(sessionId);
   */
  async delete(id: string, options?: CallOptions): Promise<void> {
    await this.#http.request({
      method: 'DELETE',
      path: ApiRoutes.session(checkId(id)),
      auth: 'required',
      options,
    });
  }

  /**
   * The REST pre-flight before joining the signaling hub: checks the session exists and has room, and
   * returns it with ICE servers for the call. Fails with `SESSION_NOT_FOUND` (404) or `SESSION_FULL` (409).
   *
   * @example
   * const { session, iceServers } = await api.sessions.join(sessionId);
   * const pc = new RTCPeerConnection({ iceServers });
   */
  async join(id: string, options?: CallOptions): Promise<JoinSessionResponse> {
    return this.#http.request({
      method: 'POST',
      path: ApiRoutes.joinSession(checkId(id)),
      auth: 'required',
      guard: isJoinSessionResponse,
      options,
    });
  }

  /**
   * Tells the server the signed-in user left the session. Fails with `SESSION_NOT_FOUND` (404).
   *
   * @example
   * await api.sessions.leave(sessionId);
   */
  async leave(id: string, options?: CallOptions): Promise<void> {
    await this.#http.request({
      method: 'POST',
      path: ApiRoutes.leaveSession(checkId(id)),
      auth: 'required',
      options,
    });
  }
}
