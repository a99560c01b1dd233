export { Call, type CallJoinOptions, type CallListener, type CallOptions } from './call.js';
export { type CallAction, callReducer } from './callReducer.js';
export {
  type CallMediaWarning,
  type CallParticipant,
  type CallSelf,
  type CallSignalingState,
  type CallSnapshot,
  type CallStatus,
  type CallWarning,
  type DeepReadonly,
  initialCallState,
  MAX_CALL_MESSAGES,
  MAX_CALL_WARNINGS,
  NO_MEDIA,
  participantOf,
} from './callState.js';
