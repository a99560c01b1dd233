import type {
  AuthenticateResult,
  HubDefinition,
  HubLogger,
  HubMethodDefinition,
  HubMethodHandler,
  SignalRHubOptions,
  TransportName,
} from './types.js';

const SECOND = 1000;
const KIB = 1024;

/** Defaults of {@link SignalRHubOptions}; they follow ASP.NET Core's `HubOptions` and connection options. */
export const DEFAULT_HUB_OPTIONS = Object.freeze({
  transports: Object.freeze(['WebSockets', 'ServerSentEvents', 'LongPolling'] as const),
  keepAliveIntervalMs: 15 * SECOND,
  clientTimeoutMs: 30 * SECOND,
  handshakeTimeoutMs: 15 * SECOND,
  disconnectTimeoutMs: 15 * SECOND,
  longPollTimeoutMs: 90 * SECOND,
  maxMessageSize: 32 * KIB,
  maxPayloadSize: 1024 * KIB,
  maxParallelInvocationsPerClient: 1,
  maxPendingConnections: 10_000,
  detailedErrors: false,
});

/** Longest interval of the internal heartbeat that drives keep-alive, timeouts and reaping. */
const MAX_HEARTBEAT_MS = SECOND;
/** Shortest heartbeat interval, whatever the timing options. */
const MIN_HEARTBEAT_MS = 5;
/** Heartbeat ticks per shortest timing option, so deadlines are missed by at most a quarter. */
const HEARTBEAT_RESOLUTION = 4;

const ALL_TRANSPORTS: readonly TransportName[] = DEFAULT_HUB_OPTIONS.transports;

/** A hub method after normalisation. */
export interface ResolvedMethod<TUser> {
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: the event map is erased inside the dispatcher
  readonly handler: HubMethodHandler<TUser, any>;
  readonly streaming: boolean;
  readonly minArgs: number;
  readonly maxArgs: number;
}

const NOOP_LOGGER: HubLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Options with every default applied, validated once at construction. */
export interface ResolvedHubOptions<TUser> {
  readonly path: string;
  // biome-ignore lint/suspicious/noExplicitAny: the event map is erased inside the runtime
  readonly hub: HubDefinition<TUser, any>;
  readonly methods: ReadonlyMap<string, ResolvedMethod<TUser>>;
  readonly authenticate: NonNullable<SignalRHubOptions<TUser>['authenticate']>;
  readonly transports: readonly TransportName[];
  readonly keepAliveIntervalMs: number;
  readonly clientTimeoutMs: number;
  readonly handshakeTimeoutMs: number;
  readonly disconnectTimeoutMs: number;
  readonly longPollTimeoutMs: number;
  readonly maxMessageSize: number;
  readonly maxPayloadSize: number;
  readonly maxParallelInvocationsPerClient: number;
  readonly maxPendingConnections: number;
  readonly detailedErrors: boolean;
  readonly cors: SignalRHubOptions<TUser>['cors'];
  readonly logger: HubLogger;
  readonly heartbeatIntervalMs: number;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isSafeInteger(result) || result <= 0) {
    throw new TypeError(`SignalRHub option '${name}' must be a positive integer, got ${String(value)}.`);
  }
  return result;
}

function normalisePath(path: string): string {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new TypeError(`SignalRHub option 'path' must start with '/', got ${String(path)}.`);
  }
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed.includes('?') || trimmed.includes('#')) {
    throw new TypeError("SignalRHub option 'path' must not contain a query or fragment.");
  }
  return trimmed;
}

function resolveArity(name: string, arity: HubMethodDefinition['arity']): [number, number] {
  if (arity === undefined) return [0, Number.POSITIVE_INFINITY];
  const [min, max] = typeof arity === 'number' ? [arity, arity] : arity;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
    throw new TypeError(`Hub method '${name}' has an invalid arity.`);
  }
  return [min, max];
}

function resolveMethods<TUser>(hub: HubDefinition<TUser>): Map<string, ResolvedMethod<TUser>> {
  if (typeof hub !== 'object' || hub === null || typeof hub.methods !== 'object' || hub.methods === null) {
    throw new TypeError("SignalRHub option 'hub' must have a 'methods' object.");
  }
  const methods = new Map<string, ResolvedMethod<TUser>>();
  for (const [name, entry] of Object.entries(hub.methods)) {
    const definition: HubMethodDefinition<TUser> = typeof entry === 'function' ? { handler: entry } : entry;
    if (typeof definition?.handler !== 'function') {
      throw new TypeError(`Hub method '${name}' must be a function or { handler }.`);
    }
    const [minArgs, maxArgs] = resolveArity(name, definition.arity);
    methods.set(name, {
      name,
      handler: definition.handler,
      streaming: definition.streaming === true,
      minArgs,
      maxArgs,
    });
  }
  return methods;
}

function resolveTransports(transports: readonly TransportName[] | undefined): readonly TransportName[] {
  const list = transports ?? ALL_TRANSPORTS;
  if (list.length === 0) throw new TypeError("SignalRHub option 'transports' must not be empty.");
  for (const name of list) {
    if (!ALL_TRANSPORTS.includes(name)) throw new TypeError(`Unknown transport '${String(name)}'.`);
  }
  return Object.freeze([...new Set(list)]);
}

function acceptEveryone<TUser>(): AuthenticateResult<TUser> {
  return { ok: true, user: undefined as TUser };
}

/** Applies defaults and validates; throws `TypeError` on a bad option. */
export function resolveHubOptions<TUser>(options: SignalRHubOptions<TUser>): ResolvedHubOptions<TUser> {
  const d = DEFAULT_HUB_OPTIONS;
  const timings = {
    keepAliveIntervalMs: positiveInteger(
      'keepAliveIntervalMs',
      options.keepAliveIntervalMs,
      d.keepAliveIntervalMs,
    ),
    clientTimeoutMs: positiveInteger('clientTimeoutMs', options.clientTimeoutMs, d.clientTimeoutMs),
    handshakeTimeoutMs: positiveInteger(
      'handshakeTimeoutMs',
      options.handshakeTimeoutMs,
      d.handshakeTimeoutMs,
    ),
    disconnectTimeoutMs: positiveInteger(
      'disconnectTimeoutMs',
      options.disconnectTimeoutMs,
      d.disconnectTimeoutMs,
    ),
    longPollTimeoutMs: positiveInteger('longPollTimeoutMs', options.longPollTimeoutMs, d.longPollTimeoutMs),
  };
  const shortest = Math.min(...Object.values(timings));
  const maxMessageSize = positiveInteger('maxMessageSize', options.maxMessageSize, d.maxMessageSize);
  const maxPayloadSize = positiveInteger('maxPayloadSize', options.maxPayloadSize, d.maxPayloadSize);
  if (options.cors !== undefined && options.cors.origin === undefined) {
    throw new TypeError("SignalRHub option 'cors' needs an 'origin'.");
  }
  return Object.freeze({
    path: normalisePath(options.path),
    hub: options.hub,
    methods: resolveMethods(options.hub),
    authenticate: options.authenticate ?? acceptEveryone,
    transports: resolveTransports(options.transports),
    ...timings,
    maxMessageSize,
    maxPayloadSize: Math.max(maxPayloadSize, maxMessageSize),
    maxParallelInvocationsPerClient: positiveInteger(
      'maxParallelInvocationsPerClient',
      options.maxParallelInvocationsPerClient,
      d.maxParallelInvocationsPerClient,
    ),
    maxPendingConnections: positiveInteger(
      'maxPendingConnections',
      options.maxPendingConnections,
      d.maxPendingConnections,
    ),
    detailedErrors: options.detailedErrors ?? d.detailedErrors,
    cors: options.cors,
    logger: options.logger ?? NOOP_LOGGER,
    heartbeatIntervalMs: Math.max(
      MIN_HEARTBEAT_MS,
      Math.min(MAX_HEARTBEAT_MS, Math.floor(shortest / HEARTBEAT_RESOLUTION)),
    ),
  });
}
