import { ErrorCode } from '@smartc/protocol';
import type { SimpleOperation } from '../simpleError.js';
import type { SimpleMessageId } from './catalogue.js';

const MEDIA_MESSAGES: Readonly<Partial<Record<ErrorCode, SimpleMessageId>>> = {
  MEDIA_PERMISSION_DENIED: 'mediaPermissionDenied',
  MEDIA_DEVICE_NOT_FOUND: 'mediaDeviceNotFound',
  MEDIA_DEVICE_IN_USE: 'mediaDeviceInUse',
  MEDIA_CONSTRAINTS_UNSATISFIABLE: 'mediaConstraints',
  MEDIA_UNSUPPORTED: 'mediaUnsupported',
};

/** Messages that say the same thing whatever the method: the server is unreachable, sign in, slow down. */
function commonMessageId(code: ErrorCode): SimpleMessageId | undefined {
  switch (code) {
    case ErrorCode.NETWORK_UNREACHABLE:
    case ErrorCode.TIMEOUT:
      return 'connectionProblem';
    case ErrorCode.RATE_LIMITED:
      return 'rateLimited';
    case ErrorCode.AUTH_REQUIRED:
      return 'loginRequired';
    case ErrorCode.AUTH_TOKEN_EXPIRED:
    case ErrorCode.AUTH_TOKEN_INVALID:
      return 'sessionExpired';
    case ErrorCode.SIGNALING_GUESTS_DISABLED:
      return 'guestsDisabled';
    default:
      return undefined;
  }
}

/**
 * Which catalogue message an error of `code` gets when `operation` fails: the original wrappers' rules
 * (seed-platform §4), decided on stable codes only, never on the text of another message.
 */
export function messageIdFor(operation: SimpleOperation, code: ErrorCode): SimpleMessageId {
  switch (operation) {
    case 'toggleMicrophone':
      return 'microphoneError';
    case 'toggleCamera':
      return 'cameraError';
    case 'login':
      if (code === ErrorCode.AUTH_INVALID_CREDENTIALS) return 'invalidCredentials';
      return commonMessageId(code) ?? 'loginFailed';
    case 'register':
      if (code === ErrorCode.AUTH_USERNAME_TAKEN) return 'usernameTaken';
      return commonMessageId(code) ?? 'registerFailed';
    case 'startCall':
      return MEDIA_MESSAGES[code] ?? commonMessageId(code) ?? 'createCallFailed';
    case 'joinCall':
      if (code === ErrorCode.SESSION_NOT_FOUND) return 'callNotFound';
      if (code === ErrorCode.SESSION_FULL) return 'callFull';
      return MEDIA_MESSAGES[code] ?? commonMessageId(code) ?? 'joinFailed';
    case 'endCall':
      return 'leaveFailed';
    case 'getAvailableCalls':
      return commonMessageId(code) ?? 'listFailed';
    case 'getCallDetails':
      if (code === ErrorCode.SESSION_NOT_FOUND || code === ErrorCode.NOT_FOUND) return 'callDetailsNotFound';
      return commonMessageId(code) ?? 'genericError';
    case 'sendMessage':
      return commonMessageId(code) ?? 'messageFailed';
    case 'screenShare':
      return code === ErrorCode.MEDIA_PERMISSION_DENIED ? 'screenShareDenied' : 'screenShareFailed';
    case 'call':
      if (code === ErrorCode.PEER_CONNECTION_FAILED) return 'peerConnectionFailed';
      return MEDIA_MESSAGES[code] ?? 'connectionLost';
    default:
      return commonMessageId(code) ?? 'genericError';
  }
}
