/**
 * Runs `createSignaling(deps)` on a real node http server (ephemeral port) with small real
 * dependencies: an in-memory session table, HS256 access tokens (jose) and a recording logger.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, type Role } from '@smartc/protocol';
import type { HubLogger } from '@smartc/signalr-server';
import { errors, jwtVerify, SignJWT } from 'jose';
import { Registry } from 'prom-client';
import type { SessionRecord, Signaling, SignalingConfig, SignalingDeps } from '../../src/signaling/deps.js';
import { createSignaling } from '../../src/signaling/index.js';

const ACCESS_SECRET = new TextEncoder().encode('access-token-secret-for-signaling-tests');

/** A resume key shared by every test server, so resume tokens survive a "restart". */
export const TEST_RESUME_KEY = new TextEncoder().encode('resume-key-for-signaling-tests-0123456789');

/** One log call. */
export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** A recording {@link HubLogger}. */
export function recordingLogger(records: LogRecord[]): HubLogger {
  const at =
    (level: LogRecord['level']) =>
    (obj: object, msg?: string): void => {
      records.push({ level, obj, msg });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The session table tests share between "restarts" (it stands for persistent storage). */
export class TestSessions {
  readonly records = new Map<string, SessionRecord>();

  /** Creates a regular session. */
  add(id: string, maxParticipants = 16): SessionRecord {
    const record: SessionRecord = {
      id,
      name: id,
      description: null,
      creatorId: 'u-owner',
      createdAt: new Date().toISOString(),
      maxParticipants,
      adHoc: false,
    };
    this.records.set(id, record);
    return record;
  }

  async findById(id: string): Promise<SessionRecord | undefined> {
    return this.records.get(id);
  }

  async createAdHoc(id: string): Promise<SessionRecord> {
    const existing = this.records.get(id);
    if (existing) return existing;
    const record = { ...this.add(id), creatorId: null, adHoc: true };
    this.records.set(id, record);
    return record;
  }
}

/** Mints an access token the test server accepts. */
export async function accessToken(
  user: { userId: string; username: string; role?: Role },
  expiresInSeconds = 3600,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ username: user.username, role: user.role ?? 'user' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.userId)
    .setIssuedAt(now - 10)
    .setExpirationTime(now + expiresInSeconds)
    .sign(ACCESS_SECRET);
}

async function verifyAccessToken(token: string): Promise<{ userId: string; username: string; role: Role }> {
  try {
    const { payload } = await jwtVerify(token, ACCESS_SECRET, { algorithms: ['HS256'] });
    return { userId: String(payload.sub), username: String(payload.username), role: payload.role as Role };
  } catch (error) {
    const code =
      error instanceof errors.JWTExpired ? ErrorCode.AUTH_TOKEN_EXPIRED : ErrorCode.AUTH_TOKEN_INVALID;
    throw Object.assign(new Error(code), { code });
  }
}

/** A running signaling test server. */
export interface TestServer {
  readonly url: string;
  readonly signaling: Signaling;
  readonly sessions: TestSessions;
  readonly logs: LogRecord[];
  readonly registry: Registry;
  close(): Promise<void>;
}

/** Options of {@link startSignalingServer}. */
export interface TestServerOptions extends Partial<SignalingConfig> {
  sessions?: TestSessions;
}

/** Starts `createSignaling` on an ephemeral port. Defaults: no guests, no ad-hoc rooms, 300 ms grace. */
export async function startSignalingServer(options: TestServerOptions = {}): Promise<TestServer> {
  const sessions = options.sessions ?? new TestSessions();
  const logs: LogRecord[] = [];
  const registry = new Registry();
  const deps: SignalingDeps = {
    config: {
      allowGuests: options.allowGuests ?? false,
      adHocRooms: options.adHocRooms ?? false,
      resumeGraceMs: options.resumeGraceMs ?? 300,
      resumeTokenTtlSeconds: options.resumeTokenTtlSeconds ?? 3600,
    },
    sessions,
    verifyAccessToken,
    iceServers: async (subject) => [
      { urls: 'stun:stun.example.org:3478' },
      { urls: 'turn:turn.example.org:3478', username: `9999999999:${subject}`, credential: 'test' },
    ],
    resumeTokenKey: TEST_RESUME_KEY,
    logger: recordingLogger(logs),
    metrics: registry,
  };
  const signaling = createSignaling(deps);
  const server: Server = createServer((req, res) => {
    if (!signaling.hub.handleRequest(req, res)) {
      res.statusCode = 404;
      res.end();
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (!signaling.hub.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    signaling,
    sessions,
    logs,
    registry,
    close() {
      closed ??= (async () => {
        await signaling.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closed;
    },
  };
}
