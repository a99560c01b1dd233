/**
 * Input validation of hub arguments. Arguments arrive as untyped JSON; every function here either
 * returns a well-typed value or throws a {@link SignalingError} with a clear message.
 */
import { ErrorCode, type JoinOptions, Limits, type MediaState, SESSION_ID_PATTERN } from '@smartc/protocol';
import { SignalingError } from './errors.js';

/** Longest peerId a client may name (ours are 24 characters). */
export const PEER_ID_MAX = 64;
/** Longest resume token accepted (ours are well under 1 KiB). */
export const RESUME_TOKEN_MAX = 2048;

const MEDIA_KEYS = ['audio', 'video', 'screen'] as const;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function invalid(message: string): SignalingError {
  return new SignalingError(ErrorCode.VALIDATION_FAILED, message);
}

/** True for `{...}` objects (not arrays, not null, not class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Validates a session id (also the name of an ad-hoc room). */
export function parseSessionId(value: unknown): string {
  if (typeof value !== 'string') throw invalid('sessionId must be a string');
  if (value.length === 0 || value.length > Limits.sessionIdMax) {
    throw invalid(`sessionId must be 1 to ${Limits.sessionIdMax} characters`);
  }
  if (!SESSION_ID_PATTERN.test(value)) {
    throw invalid(
      'sessionId may only contain letters, digits, "_", "." and "-", and must start with a letter or digit',
    );
  }
  return value;
}

/**
 * Validates the `username` argument of `JoinSession` and returns it trimmed. Guests need a
 * non-empty display name; authenticated users may pass anything short (their account name is used).
 */
export function parseDisplayName(value: unknown, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw invalid('username (your display name) is required');
    return '';
  }
  if (typeof value !== 'string') throw invalid('username must be a string');
  const name = value.trim();
  if (name.length > Limits.displayNameMax) {
    throw invalid(`username must be at most ${Limits.displayNameMax} characters`);
  }
  if (CONTROL_CHARS.test(name)) throw invalid('username must not contain control characters');
  if (required && name.length === 0) throw invalid('username (your display name) must not be empty');
  return name;
}

/** Validates a partial media state: an object whose `audio`/`video`/`screen` keys, if present, are booleans. */
export function parseMediaState(value: unknown, what = 'media state'): Partial<MediaState> {
  if (!isPlainObject(value)) throw invalid(`${what} must be an object like {audio, video, screen}`);
  const result: Partial<MediaState> = {};
  for (const key of MEDIA_KEYS) {
    const flag = value[key];
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') throw invalid(`${what}.${key} must be a boolean`);
    result[key] = flag;
  }
  return result;
}

/** Validates the optional third argument of `JoinSession`. */
export function parseJoinOptions(value: unknown): JoinOptions {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw invalid('options must be an object like {resumeToken, media}');
  const options: JoinOptions = {};
  const { resumeToken, media } = value;
  if (resumeToken !== undefined && resumeToken !== null) {
    if (
      typeof resumeToken !== 'string' ||
      resumeToken.length === 0 ||
      resumeToken.length > RESUME_TOKEN_MAX
    ) {
      throw invalid('options.resumeToken must be the resumeToken string of an earlier join');
    }
    options.resumeToken = resumeToken;
  }
  if (media !== undefined && media !== null) options.media = parseMediaState(media, 'options.media');
  return options;
}

/** Validates a peerId named by a client. */
export function parsePeerId(value: unknown, what = 'targetPeerId'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > PEER_ID_MAX) {
    throw invalid(`${what} must be the peerId of a participant`);
  }
  return value;
}

/**
 * Validates a signal: a string or a plain JSON object, at most `Limits.signalMaxBytes` once
 * serialised. Returns the signal and its size. Never echoes the content in the error.
 */
export function parseSignal(value: unknown): { signal: string | Record<string, unknown>; bytes: number } {
  let bytes: number;
  if (typeof value === 'string') {
    if (value.length === 0) throw invalid('signal must not be empty');
    bytes = Buffer.byteLength(value, 'utf8');
  } else if (isPlainObject(value)) {
    bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  } else {
    throw invalid('signal must be a JSON object (an SDP description or ICE candidate) or a string');
  }
  if (bytes > Limits.signalMaxBytes) {
    throw new SignalingError(
      ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE,
      `signal is ${bytes} bytes; the limit is ${Limits.signalMaxBytes} bytes`,
    );
  }
  return { signal: value, bytes };
}

/** Validates a chat message text (kept as sent; must not be blank). */
export function parseChatText(value: unknown): string {
  if (typeof value !== 'string') throw invalid('text must be a string');
  if (value.trim().length === 0) throw invalid('text must not be empty');
  if (value.length > Limits.chatMessageMax) {
    throw new SignalingError(
      ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE,
      `text is ${value.length} characters; the limit is ${Limits.chatMessageMax}`,
    );
  }
  return value;
}

/** Validates the optional argument of `LeaveSession`. */
export function parseOptionalSessionId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid('sessionId must be a string');
  return value;
}
