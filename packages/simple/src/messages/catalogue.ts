/** The languages SmaRTCSimple speaks. French is the default, as in the original wrappers. */
export type SimpleLocale = 'fr' | 'en';

/**
 * Every message SmaRTCSimple can show, by stable id. `{detail}` is replaced by a one-line description of the
 * underlying error code in the same language (see {@link codeDescription}).
 */
export interface SimpleMessages {
  /** login: wrong username or password (`AUTH_INVALID_CREDENTIALS`). */
  invalidCredentials: string;
  /** Any method: the server cannot be reached or answered too late (`NETWORK_UNREACHABLE`, `TIMEOUT`). */
  connectionProblem: string;
  /** login: any other failure. */
  loginFailed: string;
  /** register: the username exists (`AUTH_USERNAME_TAKEN`). */
  usernameTaken: string;
  /** register: any other failure. */
  registerFailed: string;
  /** startCall: creating or joining the new call failed. */
  createCallFailed: string;
  /** joinCall: no call has this id (`SESSION_NOT_FOUND`). */
  callNotFound: string;
  /** joinCall: the call has no room left (`SESSION_FULL`). */
  callFull: string;
  /** joinCall: any other failure. */
  joinFailed: string;
  /** endCall or logout: leaving the call failed. */
  leaveFailed: string;
  /** toggleMicrophone: any failure. */
  microphoneError: string;
  /** toggleCamera: any failure. */
  cameraError: string;
  /** getAvailableCalls: any failure. */
  listFailed: string;
  /** getCallDetails: no call has this id. */
  callDetailsNotFound: string;
  /** getCallDetails, getIceServers, logout: any other failure. */
  genericError: string;
  /** Calls and call lists need an account (`AUTH_REQUIRED`). */
  loginRequired: string;
  /** The stored sign-in expired or was refused (`AUTH_TOKEN_EXPIRED`, `AUTH_TOKEN_INVALID`). */
  sessionExpired: string;
  /** Too many attempts (`RATE_LIMITED`). */
  rateLimited: string;
  /** Joining without an account on a server that does not allow guests (`SIGNALING_GUESTS_DISABLED`). */
  guestsDisabled: string;
  /** Sending a chat message failed (operation `sendMessage`). */
  messageFailed: string;
  /** The screen share was refused or cancelled in the browser's picker (operation `screenShare`). */
  screenShareDenied: string;
  /** The screen could not be shared (operation `screenShare`). */
  screenShareFailed: string;
  /** Starting a call: camera or microphone access denied (`MEDIA_PERMISSION_DENIED`). */
  mediaPermissionDenied: string;
  /** Starting a call: no camera or microphone (`MEDIA_DEVICE_NOT_FOUND`). */
  mediaDeviceNotFound: string;
  /** Starting a call: the camera or microphone is busy (`MEDIA_DEVICE_IN_USE`). */
  mediaDeviceInUse: string;
  /** Starting a call: no device matches the requested settings (`MEDIA_CONSTRAINTS_UNSATISFIABLE`). */
  mediaConstraints: string;
  /** Starting a call: this browser cannot capture media (`MEDIA_UNSUPPORTED`). */
  mediaUnsupported: string;
  /** During a call: the connection to the server was lost for good (onError). */
  connectionLost: string;
  /** During a call: the connection to one participant failed (onError). */
  peerConnectionFailed: string;
  /** During a call: the camera failed and the call goes on with sound only (onError). */
  mediaFallback: string;
}

/** The id of one message. */
export type SimpleMessageId = keyof SimpleMessages;

/** The messages of the original French wrappers (sdk/js/smartc-simple.js), completed where they were silent. */
export const FRENCH_MESSAGES: Readonly<SimpleMessages> = Object.freeze({
  invalidCredentials: 'Identifiants incorrects',
  connectionProblem: 'Problème de connexion',
  loginFailed: 'Erreur de connexion: {detail}',
  usernameTaken: "Ce nom d'utilisateur existe déjà",
  registerFailed: "Erreur d'inscription: {detail}",
  createCallFailed: "Impossible de créer l'appel",
  callNotFound: "Cet appel n'existe pas",
  callFull: 'Cet appel est complet',
  joinFailed: 'Erreur lors de la connexion',
  leaveFailed: 'Erreur lors de la déconnexion',
  microphoneError: 'Erreur micro',
  cameraError: 'Erreur caméra',
  listFailed: 'Erreur lors de la récupération',
  callDetailsNotFound: 'Appel introuvable',
  genericError: 'Erreur: {detail}',
  loginRequired: 'Connectez-vous d’abord',
  sessionExpired: 'Votre connexion a expiré, reconnectez-vous',
  rateLimited: 'Trop de tentatives, réessayez plus tard',
  guestsDisabled: "Ce serveur n'accepte pas les invités : connectez-vous",
  messageFailed: "Impossible d'envoyer le message",
  screenShareDenied: "Partage d'écran refusé",
  screenShareFailed: "Impossible de partager l'écran",
  mediaPermissionDenied: 'Accès à la caméra ou au micro refusé',
  mediaDeviceNotFound: 'Aucune caméra ni aucun micro trouvé',
  mediaDeviceInUse: 'La caméra ou le micro est déjà utilisé par une autre application',
  mediaConstraints: 'Aucune caméra ni aucun micro ne correspond aux réglages demandés',
  mediaUnsupported: 'Ce navigateur ne peut pas utiliser la caméra ni le micro',
  connectionLost: 'La connexion au serveur a été perdue',
  peerConnectionFailed: 'La connexion avec un participant a échoué',
  mediaFallback: 'Caméra indisponible : l’appel continue avec le son seul',
});

/** The same messages in English. */
export const ENGLISH_MESSAGES: Readonly<SimpleMessages> = Object.freeze({
  invalidCredentials: 'Wrong username or password',
  connectionProblem: 'Cannot reach the server',
  loginFailed: 'Sign-in failed: {detail}',
  usernameTaken: 'This username is already taken',
  registerFailed: 'Registration failed: {detail}',
  createCallFailed: 'Could not create the call',
  callNotFound: 'This call does not exist',
  callFull: 'This call is full',
  joinFailed: 'Could not join the call',
  leaveFailed: 'Could not leave the call',
  microphoneError: 'Microphone error',
  cameraError: 'Camera error',
  listFailed: 'Could not fetch the calls',
  callDetailsNotFound: 'Call not found',
  genericError: 'Error: {detail}',
  loginRequired: 'Sign in first',
  sessionExpired: 'Your sign-in has expired; sign in again',
  rateLimited: 'Too many attempts; try again later',
  guestsDisabled: 'This server does not allow guests: sign in',
  messageFailed: 'Could not send the message',
  screenShareDenied: 'Screen sharing was refused',
  screenShareFailed: 'Could not share the screen',
  mediaPermissionDenied: 'Camera or microphone access was denied',
  mediaDeviceNotFound: 'No camera or microphone was found',
  mediaDeviceInUse: 'The camera or microphone is in use by another application',
  mediaConstraints: 'No camera or microphone matches the requested settings',
  mediaUnsupported: 'This browser cannot use a camera or microphone',
  connectionLost: 'The connection to the server was lost',
  peerConnectionFailed: 'The connection to a participant failed',
  mediaFallback: 'Camera unavailable: the call goes on with sound only',
});

/** The built-in messages of a locale. */
export function messagesFor(locale: SimpleLocale): Readonly<SimpleMessages> {
  return locale === 'en' ? ENGLISH_MESSAGES : FRENCH_MESSAGES;
}
