import type { ChatMessage, JoinResult, MediaState, PeerInfo, UserJoinedEvent, UserLeftEvent } from './hub.js';
import type { IceConfigResponse, LoginResponse, SessionDto, UserDto } from './rest.js';

type Shape = Record<string, unknown>;

const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** True when `value` looks like a {@link MediaState}. */
export function isMediaState(value: unknown): value is MediaState {
  return (
    isObject(value) &&
    typeof value.audio === 'boolean' &&
    typeof value.video === 'boolean' &&
    typeof value.screen === 'boolean'
  );
}

/** True when `value` looks like a {@link UserDto}. */
export function isUserDto(value: unknown): value is UserDto {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.username) &&
    (value.role === 'user' || value.role === 'admin')
  );
}

/** True when `value` looks like a {@link LoginResponse}. */
export function isLoginResponse(value: unknown): value is LoginResponse {
  return isObject(value) && isString(value.token) && isString(value.expiresAt) && isUserDto(value.user);
}

/** True when `value` looks like a {@link SessionDto}. */
export function isSessionDto(value: unknown): value is SessionDto {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.name) &&
    typeof value.maxParticipants === 'number' &&
    Array.isArray(value.participants)
  );
}

/** True when `value` looks like an {@link IceConfigResponse}. */
export function isIceConfigResponse(value: unknown): value is IceConfigResponse {
  return isObject(value) && Array.isArray(value.iceServers) && typeof value.ttl === 'number';
}

function isPeerInfo(value: unknown): value is PeerInfo {
  return isObject(value) && isString(value.peerId) && isString(value.username) && isMediaState(value.media);
}

/** True when `value` looks like a {@link JoinResult}. */
export function isJoinResult(value: unknown): value is JoinResult {
  return (
    isObject(value) &&
    isString(value.sessionId) &&
    isString(value.peerId) &&
    isString(value.resumeToken) &&
    Array.isArray(value.peers) &&
    value.peers.every(isPeerInfo) &&
    Array.isArray(value.iceServers)
  );
}

/** True when `value` looks like a {@link UserJoinedEvent}. */
export function isUserJoinedEvent(value: unknown): value is UserJoinedEvent {
  return isObject(value) && isString(value.username) && isString(value.connectionId);
}

/** True when `value` looks like a {@link UserLeftEvent}. */
export function isUserLeftEvent(value: unknown): value is UserLeftEvent {
  return isObject(value) && isString(value.connectionId);
}

/** True when `value` looks like a {@link ChatMessage}. */
export function isChatMessage(value: unknown): value is ChatMessage {
  return isObject(value) && isString(value.id) && isString(value.fromPeerId) && isString(value.text);
}
