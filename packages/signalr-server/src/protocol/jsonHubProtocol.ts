import { ProtocolError } from '../errors.js';
import type { CompletionMessage, HubMessage, MessageHeaders } from './messages.js';
import { MessageType } from './messageType.js';
import { writeRecord } from './textMessageFormat.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function required(obj: JsonObject, name: string): unknown {
  const value = obj[name];
  if (value === undefined) throw new ProtocolError(`Missing required property '${name}'.`);
  return value;
}

function string(obj: JsonObject, name: string): string {
  const value = required(obj, name);
  if (typeof value !== 'string') throw new ProtocolError(`Expected '${name}' to be of type String.`);
  return value;
}

function optionalString(obj: JsonObject, name: string): string | undefined {
  return obj[name] === undefined || obj[name] === null ? undefined : string(obj, name);
}

function array(obj: JsonObject, name: string): unknown[] {
  const value = required(obj, name);
  if (!Array.isArray(value)) throw new ProtocolError(`Expected '${name}' to be of type Array.`);
  return value;
}

function streamIds(obj: JsonObject): string[] | undefined {
  if (obj.streamIds === undefined || obj.streamIds === null) return undefined;
  const ids = array(obj, 'streamIds');
  if (!ids.every((id): id is string => typeof id === 'string')) {
    throw new ProtocolError("Expected 'streamIds' to be an array of String.");
  }
  return ids;
}

function headers(obj: JsonObject): MessageHeaders | undefined {
  const value = obj.headers;
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new ProtocolError("Expected 'headers' to be a map of String.");
  }
  return value as MessageHeaders;
}

function sequenceId(obj: JsonObject): number {
  const value = required(obj, 'sequenceId');
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ProtocolError("Expected 'sequenceId' to be of type Integer.");
  }
  return value;
}

function nonEmptyTarget(obj: JsonObject): string {
  const target = string(obj, 'target');
  if (target.length === 0) throw new ProtocolError("Expected 'target' to be a non-empty String.");
  return target;
}

/**
 * Parses one JSON record (without separator) sent by a client. Returns `undefined` for
 * message types this protocol version does not know (forward compatible, as in .NET);
 * throws {@link ProtocolError} for malformed JSON or missing/mistyped fields.
 */
export function parseHubMessage(text: string): HubMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('Error reading JSON.');
  }
  if (!isObject(value)) throw new ProtocolError('Unexpected JSON Token Type. Expected a JSON Object.');
  const type = required(value, 'type');
  if (typeof type !== 'number') throw new ProtocolError("Expected 'type' to be of type Integer.");
  switch (type) {
    case MessageType.Invocation:
      return {
        type,
        invocationId: optionalString(value, 'invocationId'),
        target: nonEmptyTarget(value),
        arguments: array(value, 'arguments'),
        streamIds: streamIds(value),
        headers: headers(value),
      };
    case MessageType.StreamInvocation:
      return {
        type,
        invocationId: string(value, 'invocationId'),
        target: nonEmptyTarget(value),
        arguments: array(value, 'arguments'),
        streamIds: streamIds(value),
        headers: headers(value),
      };
    case MessageType.StreamItem:
      return { type, invocationId: string(value, 'invocationId'), item: required(value, 'item') };
    case MessageType.Completion:
      return parseCompletion(value);
    case MessageType.CancelInvocation:
      return { type, invocationId: string(value, 'invocationId') };
    case MessageType.Ping:
      return { type };
    case MessageType.Close:
      return {
        type,
        error: optionalString(value, 'error'),
        allowReconnect: value.allowReconnect === true,
      };
    case MessageType.Ack:
    case MessageType.Sequence:
      return { type, sequenceId: sequenceId(value) };
    default:
      return undefined;
  }
}

function parseCompletion(value: JsonObject): CompletionMessage {
  const invocationId = string(value, 'invocationId');
  const error = optionalString(value, 'error');
  const hasResult = 'result' in value;
  if (error !== undefined && hasResult) {
    throw new ProtocolError("The 'error' and 'result' properties are mutually exclusive.");
  }
  if (error !== undefined) return { type: MessageType.Completion, invocationId, error };
  return hasResult
    ? { type: MessageType.Completion, invocationId, result: value.result }
    : { type: MessageType.Completion, invocationId };
}

/** Serialises outgoing messages. Throws if an argument or result is not JSON-serialisable. */
export const writeMessage = {
  invocation(target: string, args: readonly unknown[], invocationId?: string): string {
    return writeRecord(
      JSON.stringify(
        invocationId === undefined
          ? { type: MessageType.Invocation, target, arguments: args }
          : { type: MessageType.Invocation, invocationId, target, arguments: args },
      ),
    );
  },
  streamItem(invocationId: string, item: unknown): string {
    return writeRecord(JSON.stringify({ type: MessageType.StreamItem, invocationId, item: item ?? null }));
  },
  /** A result Completion; `undefined` is sent as `null` like .NET does for void methods. */
  result(invocationId: string, result: unknown): string {
    return writeRecord(
      JSON.stringify({ type: MessageType.Completion, invocationId, result: result ?? null }),
    );
  },
  /** A Completion with neither result nor error (end of a stream). */
  empty(invocationId: string): string {
    return writeRecord(JSON.stringify({ type: MessageType.Completion, invocationId }));
  },
  error(invocationId: string, error: string): string {
    return writeRecord(JSON.stringify({ type: MessageType.Completion, invocationId, error }));
  },
  ping(): string {
    return PING_RECORD;
  },
  close(error?: string, allowReconnect?: boolean): string {
    const message: { type: MessageType; error?: string; allowReconnect?: boolean } = {
      type: MessageType.Close,
    };
    if (error !== undefined) message.error = error;
    if (allowReconnect) message.allowReconnect = true;
    return writeRecord(JSON.stringify(message));
  },
};

const PING_RECORD = writeRecord(JSON.stringify({ type: MessageType.Ping }));
