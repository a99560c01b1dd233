export {
  AuthError,
  defaultMessage,
  errorFromCode,
  isSmaRTCError,
  NetworkError,
  SignalingError,
  SmaRTCError,
  type SmaRTCErrorOptions,
} from './errors.js';
export * from './rest/index.js';
export * from './signaling/index.js';
export { type EventMap, TypedEmitter, type Unsubscribe } from './typedEmitter.js';
