// The REST client: auth, sessions, ICE configuration.
export { AuthApi } from './authApi.js';
export type { GetToken } from './authState.js';
export {
  type CallOptions,
  DEFAULT_RETRY_OPTIONS,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  type RetryOptions,
} from './httpClient.js';
export {
  FALLBACK_ICE_SERVERS,
  type GetIceServersOptions,
  ICE_REFRESH_RATIO,
  IceConfigApi,
  type IceServersResult,
} from './iceConfig.js';
export { SessionsApi } from './sessionsApi.js';
export { DEFAULT_SERVER_URL, SmaRTCApi, type SmaRTCApiEvents, type SmaRTCApiOptions } from './smartcApi.js';
export {
  DEFAULT_TOKEN_STORAGE_KEY,
  isStoredAuth,
  memoryTokenStorage,
  type StoredAuth,
  type TokenStorage,
  type WebStorageLike,
  webStorageTokenStorage,
} from './tokenStorage.js';
