export { type ErrorBody, formatHubError, isErrorBody, parseHubError } from './errorBody.js';
export { ErrorCode, HTTP_STATUS_BY_CODE, isErrorCode } from './errorCodes.js';
export {
  isChatMessage,
  isIceConfigResponse,
  isJoinResult,
  isLoginResponse,
  isMediaState,
  isSessionDto,
  isUserDto,
  isUserJoinedEvent,
  isUserLeftEvent,
} from './guards.js';
export {
  type ChatMessage,
  type HeartbeatResult,
  HUB_PATH,
  HubEvent,
  type HubEvents,
  HubMethod,
  type HubMethods,
  type JoinOptions,
  type JoinResult,
  type MediaState,
  type MediaStateChangedEvent,
  NO_MEDIA,
  type PeerInfo,
  type SessionEndedEvent,
  type UserJoinedEvent,
  type UserLeftEvent,
} from './hub.js';
export { Limits, SESSION_ID_PATTERN, USERNAME_PATTERN } from './limits.js';
export {
  ApiRoutes,
  type CreateSessionRequest,
  type Credentials,
  type HealthResponse,
  type IceConfigResponse,
  type IceServer,
  type JoinSessionResponse,
  type LoginResponse,
  type ParticipantDto,
  type Role,
  type ServerFeatures,
  type SessionDto,
  type UserDto,
} from './rest.js';
export { type CandidateSignal, type DescriptionSignal, isSignal, type Signal } from './signals.js';
