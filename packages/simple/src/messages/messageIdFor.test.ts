import { ErrorCode } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import type { SimpleOperation } from '../simpleError.js';
import { FRENCH_MESSAGES, type SimpleMessageId } from './catalogue.js';
import { messageIdFor } from './messageIdFor.js';

// The original wrappers' rules (seed-platform §4), one row per condition, on stable codes.
const CATALOGUE: ReadonlyArray<[SimpleOperation, ErrorCode, SimpleMessageId, string]> = [
  ['login', 'AUTH_INVALID_CREDENTIALS', 'invalidCredentials', 'Identifiants incorrects'],
  ['login', 'NETWORK_UNREACHABLE', 'connectionProblem', 'Problème de connexion'],
  ['login', 'TIMEOUT', 'connectionProblem', 'Problème de connexion'],
  ['login', 'SERVER_ERROR', 'loginFailed', 'Erreur de connexion: {detail}'],
  ['register', 'AUTH_USERNAME_TAKEN', 'usernameTaken', "Ce nom d'utilisateur existe déjà"],
  ['register', 'VALIDATION_FAILED', 'registerFailed', "Erreur d'inscription: {detail}"],
  ['startCall', 'SERVER_ERROR', 'createCallFailed', "Impossible de créer l'appel"],
  ['startCall', 'VALIDATION_FAILED', 'createCallFailed', "Impossible de créer l'appel"],
  ['joinCall', 'SESSION_NOT_FOUND', 'callNotFound', "Cet appel n'existe pas"],
  ['joinCall', 'SIGNALING_CONNECTION_FAILED', 'joinFailed', 'Erreur lors de la connexion'],
  ['endCall', 'SERVER_ERROR', 'leaveFailed', 'Erreur lors de la déconnexion'],
  ['endCall', 'NETWORK_UNREACHABLE', 'leaveFailed', 'Erreur lors de la déconnexion'],
  ['toggleMicrophone', 'MEDIA_PERMISSION_DENIED', 'microphoneError', 'Erreur micro'],
  ['toggleMicrophone', 'NETWORK_UNREACHABLE', 'microphoneError', 'Erreur micro'],
  ['toggleCamera', 'MEDIA_DEVICE_IN_USE', 'cameraError', 'Erreur caméra'],
  ['getAvailableCalls', 'SERVER_ERROR', 'listFailed', 'Erreur lors de la récupération'],
  ['getCallDetails', 'SESSION_NOT_FOUND', 'callDetailsNotFound', 'Appel introuvable'],
  ['getCallDetails', 'NOT_FOUND', 'callDetailsNotFound', 'Appel introuvable'],
  ['getCallDetails', 'SERVER_ERROR', 'genericError', 'Erreur: {detail}'],
];

// Where the catalogue was silent (or said "otherwise"), a precise message for a precise code.
const PRECISE: ReadonlyArray<[SimpleOperation, ErrorCode, SimpleMessageId]> = [
  ['joinCall', 'SESSION_FULL', 'callFull'],
  ['joinCall', 'MEDIA_PERMISSION_DENIED', 'mediaPermissionDenied'],
  ['startCall', 'MEDIA_DEVICE_NOT_FOUND', 'mediaDeviceNotFound'],
  ['startCall', 'MEDIA_DEVICE_IN_USE', 'mediaDeviceInUse'],
  ['joinCall', 'MEDIA_CONSTRAINTS_UNSATISFIABLE', 'mediaConstraints'],
  ['joinCall', 'MEDIA_UNSUPPORTED', 'mediaUnsupported'],
  ['startCall', 'AUTH_REQUIRED', 'loginRequired'],
  ['getAvailableCalls', 'AUTH_TOKEN_EXPIRED', 'sessionExpired'],
  ['joinCall', 'AUTH_TOKEN_INVALID', 'sessionExpired'],
  ['login', 'RATE_LIMITED', 'rateLimited'],
  ['joinCall', 'NETWORK_UNREACHABLE', 'connectionProblem'],
  ['getAvailableCalls', 'TIMEOUT', 'connectionProblem'],
  ['call', 'PEER_CONNECTION_FAILED', 'peerConnectionFailed'],
  ['call', 'SIGNALING_RECONNECT_FAILED', 'connectionLost'],
  ['call', 'MEDIA_DEVICE_NOT_FOUND', 'mediaDeviceNotFound'],
  ['joinCall', 'SIGNALING_GUESTS_DISABLED', 'guestsDisabled'],
  ['sendMessage', 'SIGNALING_PAYLOAD_TOO_LARGE', 'messageFailed'],
  ['sendMessage', 'NETWORK_UNREACHABLE', 'connectionProblem'],
  ['screenShare', 'MEDIA_PERMISSION_DENIED', 'screenShareDenied'],
  ['screenShare', 'MEDIA_UNSUPPORTED', 'screenShareFailed'],
];

describe('messageIdFor', () => {
  it.each(CATALOGUE)('%s + %s → %s (the original message)', (operation, code, id, french) => {
    expect(messageIdFor(operation, code)).toBe(id);
    expect(FRENCH_MESSAGES[id]).toBe(french);
  });

  it.each(PRECISE)('%s + %s → %s', (operation, code, id) => {
    expect(messageIdFor(operation, code)).toBe(id);
  });

  it('gives every code a message for every operation', () => {
    const operations: SimpleOperation[] = [
      'login',
      'register',
      'logout',
      'startCall',
      'joinCall',
      'endCall',
      'toggleMicrophone',
      'toggleCamera',
      'getAvailableCalls',
      'getCallDetails',
      'getIceServers',
      'sendMessage',
      'screenShare',
      'call',
    ];
    for (const operation of operations)
      for (const code of Object.values(ErrorCode))
        expect(FRENCH_MESSAGES[messageIdFor(operation, code)], `${operation}/${code}`).toBeTypeOf('string');
  });
});
