// Everything the app asks of the SmaRTC server, through the script-tag SDK: accounts, guests, calls.
// Failures are thrown as the SDK's translated errors (SmaRTCSimpleError: stable `code`, catalogue `message`).
import { translator } from './i18n.js';

const { Call, ErrorCode, SmaRTCApi, webStorageTokenStorage } = globalThis.SmaRTC;

/** The REST client; the sign-in is kept in localStorage, so it survives a reload or an opened link. */
export const api = new SmaRTCApi({ tokenStorage: webStorageTokenStorage() });

const GUEST_NAME_KEY = 'smartc.demo.guestName';
const ROOM_ID_BYTES = 6;

async function attempt(operation, task) {
  try {
    return await task();
  } catch (error) {
    throw translator.error(operation, error);
  }
}

/** Whether this server lets guests in (`features.guests` of `GET /health`). Unknown counts as yes: the join will tell. */
export async function guestsAllowed() {
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    const health = await response.json();
    return health.features?.guests !== false;
  } catch {
    return true; // unknown: let the person try; a refusal is explained then
  }
}

/** The signed-in user as an identity, or null. */
export function accountIdentity() {
  const user = api.user;
  return user ? { kind: 'user', username: user.username } : null;
}

/** Signs in; with `register`, creates the account first. */
export async function signIn(username, password, { register = false } = {}) {
  if (register) await attempt('register', () => api.auth.register(username, password));
  return attempt('login', async () => {
    const { user } = await api.auth.login(username, password);
    return { kind: 'user', username: user.username };
  });
}

export function signOut() {
  return attempt('logout', () => api.auth.logout());
}

/** A guest identity (its name is remembered for next time). */
export function guestIdentity(name) {
  try {
    localStorage.setItem(GUEST_NAME_KEY, name);
  } catch {
    // not remembered
  }
  return { kind: 'guest', username: name };
}

export function rememberedGuestName() {
  try {
    return localStorage.getItem(GUEST_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** A random ad-hoc room id (`salle-1a2b3c4d5e6f`), for calls started by guests. */
function newRoomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(ROOM_ID_BYTES));
  return `salle-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Creates a call: a session on the server for a signed-in user; an ad-hoc room for a guest (the server
 * creates it at the first join, when it allows ad-hoc rooms). Resolves its id.
 */
export function createCall(identity, name) {
  if (identity.kind === 'guest') return Promise.resolve(newRoomId());
  return attempt('startCall', async () => (await api.sessions.create({ name })).id);
}

/**
 * Joins call `callId` and resolves the joined `SmaRTC.Call` (the call's state store). With `media`, the call
 * captures the camera and microphone itself (audio-only when the camera is missing or busy); without, it
 * joins to see and hear only. `operation` names the step for error messages (`startCall` or `joinCall`).
 */
export async function joinCall(identity, callId, { media = true, operation = 'joinCall' } = {}) {
  const user = identity.kind === 'user';
  // A signed-in user checks the call first (exists, not full), as SmaRTCSimple.joinCall does.
  if (user) await attempt(operation, () => api.sessions.join(callId));
  const call = new Call({
    serverUrl: location.origin,
    username: identity.username,
    ...(user ? { getToken: () => api.getAccessToken() } : {}),
  });
  try {
    await call.join(callId, {
      media: media ? { audio: true, video: true } : { audio: false, video: false },
      fallbackToAudioOnly: true,
    });
    return call;
  } catch (error) {
    await call.dispose().catch(() => {});
    throw translator.error(operation, error);
  }
}

/** Whether `error` (a translated SDK error) says the camera or microphone could not be used. */
export function isMediaError(error) {
  return [
    ErrorCode.MEDIA_PERMISSION_DENIED,
    ErrorCode.MEDIA_DEVICE_NOT_FOUND,
    ErrorCode.MEDIA_DEVICE_IN_USE,
    ErrorCode.MEDIA_CONSTRAINTS_UNSATISFIABLE,
    ErrorCode.MEDIA_UNSUPPORTED,
  ].includes(error?.code);
}

/** Whether `error` says the server refuses guests. */
export function isGuestsDisabled(error) {
  return error?.code === ErrorCode.SIGNALING_GUESTS_DISABLED;
}

/** Whether `error` says the sign-in is no longer valid. */
export function isSignInLost(error) {
  return [ErrorCode.AUTH_REQUIRED, ErrorCode.AUTH_TOKEN_EXPIRED, ErrorCode.AUTH_TOKEN_INVALID].includes(
    error?.code,
  );
}
