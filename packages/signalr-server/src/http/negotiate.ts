import type { TransportName } from '../types.js';

/** Highest negotiate protocol version this server speaks. */
export const MAX_NEGOTIATE_VERSION = 1;

const TRANSFER_FORMATS: Readonly<Record<TransportName, readonly string[]>> = {
  // Binary is listed like .NET does so MessagePack clients reach the handshake and get its error.
  WebSockets: ['Text', 'Binary'],
  ServerSentEvents: ['Text'],
  LongPolling: ['Text', 'Binary'],
};

/** Reads `negotiateVersion` (case-insensitive name); missing → 0, above the max → the max. */
export function parseNegotiateVersion(query: URLSearchParams): { version: number } | { error: string } {
  let raw: string | undefined;
  for (const [name, value] of query) {
    if (name.toLowerCase() === 'negotiateversion') {
      raw = value;
      break;
    }
  }
  if (raw === undefined) return { version: 0 };
  if (!/^-?\d+$/.test(raw.trim())) return { error: 'The client requested a non-integer protocol version.' };
  const version = Number(raw);
  if (version < 0) {
    return {
      error: `The client requested version '${version}', but the server does not support this version.`,
    };
  }
  return { version: Math.min(version, MAX_NEGOTIATE_VERSION) };
}

/** The negotiate response body, in the property order .NET writes. */
export function writeNegotiateResponse(
  version: number,
  connectionId: string,
  connectionToken: string,
  transports: readonly TransportName[],
): string {
  const availableTransports = transports.map((transport) => ({
    transport,
    transferFormats: TRANSFER_FORMATS[transport],
  }));
  return JSON.stringify(
    version > 0
      ? { negotiateVersion: version, connectionId, connectionToken, availableTransports }
      : { negotiateVersion: version, connectionId, availableTransports },
  );
}

/** Negotiate error body (`start()` rejects with this text). */
export function writeNegotiateError(error: string): string {
  return JSON.stringify({ error });
}
