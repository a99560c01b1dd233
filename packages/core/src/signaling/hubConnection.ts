import {
  HttpTransportType,
  type HubConnection,
  HubConnectionBuilder,
  type IHttpConnectionOptions,
  type ILogger,
  type IRetryPolicy,
  JsonHubProtocol,
  LogLevel,
} from '@microsoft/signalr';
import { HUB_PATH, type HubMethod, type HubMethods } from '@smartc/protocol';
import { toSmaRTCError } from './hubErrors.js';

/** Transports the client may use, tried in this order: WebSockets, Server-Sent Events, long polling. */
export type SignalingTransport = 'websockets' | 'sse' | 'long-polling';

/** Where the client's (and the SignalR client's) log lines go. Every method is optional. */
export interface SignalingLogger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/** What {@link buildHubConnection} needs. */
export interface HubConnectionSettings {
  serverUrl: string;
  hubPath?: string;
  getToken?: () => string | undefined | Promise<string | undefined>;
  transports?: readonly SignalingTransport[];
  keepAliveIntervalMs?: number;
  serverTimeoutMs?: number;
  logger?: SignalingLogger;
}

const TRANSPORT_FLAGS: Record<SignalingTransport, HttpTransportType> = {
  websockets: HttpTransportType.WebSockets,
  sse: HttpTransportType.ServerSentEvents,
  'long-polling': HttpTransportType.LongPolling,
};

/** Default keep-alive ping interval (the server's timeout for silent clients is 2× this). */
export const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 15_000;
/** Default time without any message from the server before the connection counts as lost. */
export const DEFAULT_SERVER_TIMEOUT_MS = 30_000;

/**
 * Routes the SignalR client's log lines to a {@link SignalingLogger} (none: silent).
 *
 * @example
 * const logger = toSignalRLogger({ warn: console.warn, error: console.error });
 */
export function toSignalRLogger(logger: SignalingLogger | undefined): ILogger {
  return {
    log(level: LogLevel, message: string): void {
      if (!logger || level === LogLevel.None) return;
      if (level >= LogLevel.Error) logger.error?.(message);
      else if (level === LogLevel.Warning) logger.warn?.(message);
      else if (level === LogLevel.Information) logger.info?.(message);
      else logger.debug?.(message);
    },
  };
}

/**
 * Builds a HubConnection to `serverUrl + hubPath` with the JSON protocol, transport fallback,
 * keep-alive, the access token factory (none or `undefined` → guest), automatic reconnect
 * through `retryPolicy`, and logging routed to `logger` (silent by default).
 *
 * @example
 * const connection = buildHubConnection({ serverUrl: 'http://localhost:8080' }, retryPolicy);
 * await connection.start();
 */
export function buildHubConnection(
  settings: HubConnectionSettings,
  retryPolicy: IRetryPolicy,
): HubConnection {
  const logger = toSignalRLogger(settings.logger);
  const transports = settings.transports ?? ['websockets', 'sse', 'long-polling'];
  if (transports.length === 0) throw new TypeError('transports must list at least one transport');
  const options: IHttpConnectionOptions = {
    transport: transports.reduce((flags, t) => flags | TRANSPORT_FLAGS[t], HttpTransportType.None),
    logger,
  };
  const getToken = settings.getToken;
  if (getToken) options.accessTokenFactory = async () => (await getToken()) ?? '';
  const url = `${settings.serverUrl.replace(/\/+$/, '')}${settings.hubPath ?? HUB_PATH}`;
  return new HubConnectionBuilder()
    .withUrl(url, options)
    .withHubProtocol(new JsonHubProtocol())
    .withKeepAliveInterval(settings.keepAliveIntervalMs ?? DEFAULT_KEEP_ALIVE_INTERVAL_MS)
    .withServerTimeout(settings.serverTimeoutMs ?? DEFAULT_SERVER_TIMEOUT_MS)
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(logger)
    .build();
}

/**
 * Invokes a hub method with the protocol's argument and result types; failures become
 * `SmaRTCError`s with the hub's code.
 *
 * @example
 * const result = await invokeHub(connection, HubMethod.Heartbeat); // { serverTime }
 */
export async function invokeHub<M extends HubMethod>(
  connection: HubConnection,
  method: M,
  ...args: HubMethods[M]['args']
): Promise<HubMethods[M]['result']> {
  try {
    return await connection.invoke<HubMethods[M]['result']>(method, ...args);
  } catch (error) {
    throw toSmaRTCError(error, 'invoke');
  }
}
