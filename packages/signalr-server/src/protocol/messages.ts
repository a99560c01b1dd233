import type { MessageType } from './messageType.js';

/** String→string headers some clients attach (trace context); ignored by this server. */
export type MessageHeaders = Record<string, string>;

export interface InvocationMessage {
  readonly type: MessageType.Invocation;
  readonly invocationId?: string;
  readonly target: string;
  readonly arguments: readonly unknown[];
  readonly streamIds?: readonly string[];
  readonly headers?: MessageHeaders;
}

export interface StreamInvocationMessage {
  readonly type: MessageType.StreamInvocation;
  readonly invocationId: string;
  readonly target: string;
  readonly arguments: readonly unknown[];
  readonly streamIds?: readonly string[];
  readonly headers?: MessageHeaders;
}

export interface StreamItemMessage {
  readonly type: MessageType.StreamItem;
  readonly invocationId: string;
  readonly item: unknown;
  readonly headers?: MessageHeaders;
}

export interface CompletionMessage {
  readonly type: MessageType.Completion;
  readonly invocationId: string;
  readonly result?: unknown;
  readonly error?: string;
  readonly headers?: MessageHeaders;
}

export interface CancelInvocationMessage {
  readonly type: MessageType.CancelInvocation;
  readonly invocationId: string;
  readonly headers?: MessageHeaders;
}

export interface PingMessage {
  readonly type: MessageType.Ping;
}

export interface CloseMessage {
  readonly type: MessageType.Close;
  readonly error?: string;
  readonly allowReconnect?: boolean;
}

export interface AckMessage {
  readonly type: MessageType.Ack;
  readonly sequenceId: number;
}

export interface SequenceMessage {
  readonly type: MessageType.Sequence;
  readonly sequenceId: number;
}

/** Every hub message of the protocol, discriminated by `type`. */
export type HubMessage =
  | InvocationMessage
  | StreamInvocationMessage
  | StreamItemMessage
  | CompletionMessage
  | CancelInvocationMessage
  | PingMessage
  | CloseMessage
  | AckMessage
  | SequenceMessage;
