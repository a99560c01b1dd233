/**
 * Thrown by a hub method to report an expected failure to the caller, like .NET's
 * `HubException`. The client sees the same text ASP.NET Core sends for a HubException:
 * `An unexpected error occurred invoking 'Method' on the server. HubException: <message>`.
 *
 * @example
 * ```ts
 * const hub = new SignalRHub({ path: '/hub', hub: { methods: {
 *   Join: (ctx, room: string) => { if (!room) throw new HubError('Room name required'); },
 * } } });
 * ```
 */
export class HubError extends Error {
  override readonly name: string = 'HubError';
}

/** A peer broke the wire protocol (framing, JSON, message shape). Closes the connection. */
export class ProtocolError extends Error {
  override readonly name: string = 'InvalidDataException';
}

/** The handshake request was unusable; `message` is sent back as the handshake error. */
export class HandshakeError extends Error {
  override readonly name: string = 'HandshakeError';
}

/** Name of an error as .NET would print its exception type (HubError → HubException). */
export function exceptionTypeName(error: unknown): string {
  if (error instanceof HubError) return 'HubException';
  if (error instanceof Error) return error.name || 'Error';
  return 'Error';
}

/** Message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The error text ASP.NET Core sends (`ErrorMessageHelper.BuildErrorMessage`): the fixed
 * message, plus ` {Type}: {message}` for a {@link HubError} or when detailed errors are on.
 */
export function buildErrorMessage(message: string, error: unknown, detailedErrors: boolean): string {
  if (error instanceof HubError || detailedErrors) {
    return `${message} ${exceptionTypeName(error)}: ${errorMessage(error)}`;
  }
  return message;
}
