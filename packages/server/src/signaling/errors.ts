import type { ErrorCode } from '@smartc/protocol';

/**
 * A refusal of a hub call with a stable {@link ErrorCode}. Hub methods throw it; the hub
 * boundary turns it into a `HubError("<CODE>: <message>")` the client parses with `parseHubError`.
 */
export class SignalingError extends Error {
  override readonly name = 'SignalingError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
