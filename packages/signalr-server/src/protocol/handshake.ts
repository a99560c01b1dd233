import { HandshakeError } from '../errors.js';
import { writeRecord } from './textMessageFormat.js';

/** The only hub protocol implemented, and the handshake versions accepted for it. */
export const JSON_PROTOCOL_NAME = 'json';
export const SUPPORTED_JSON_VERSIONS: readonly number[] = [1, 2];

/** A parsed and accepted handshake request. */
export interface HandshakeRequest {
  readonly protocol: string;
  readonly version: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the first record of a connection (without its separator) and checks that this
 * server speaks the protocol. Throws {@link HandshakeError} with the text .NET sends.
 */
export function parseHandshakeRequest(text: string): HandshakeRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HandshakeError('Error parsing handshake request.');
  }
  if (!isRecord(value)) throw new HandshakeError('Error parsing handshake request.');
  const { protocol, version } = value;
  if (protocol === undefined) throw new HandshakeError("Missing required property 'protocol'.");
  if (typeof protocol !== 'string') throw new HandshakeError("Expected 'protocol' to be of type String.");
  if (version === undefined) throw new HandshakeError("Missing required property 'version'.");
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new HandshakeError("Expected 'version' to be of type Integer.");
  }
  if (protocol !== JSON_PROTOCOL_NAME)
    throw new HandshakeError(`The protocol '${protocol}' is not supported.`);
  if (!SUPPORTED_JSON_VERSIONS.includes(version)) {
    throw new HandshakeError(`The server does not support version ${version} of the '${protocol}' protocol.`);
  }
  return { protocol, version };
}

/** `{}␞` on success, `{"error":"…"}␞` on failure. */
export function writeHandshakeResponse(error?: string): string {
  return writeRecord(error === undefined ? '{}' : JSON.stringify({ error }));
}
