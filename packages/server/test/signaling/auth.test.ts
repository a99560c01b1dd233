import { ErrorCode } from '@smartc/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, hubError, stopAll, type TestClient } from './clients.js';
import { startSignalingServer, type TestServer } from './harness.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  await stopAll(clients.splice(0));
  await server?.close();
  server = undefined;
});

async function connect(token?: string): Promise<TestClient> {
  const client = await connectClient(server!.url, token === undefined ? {} : { token });
  clients.push(client);
  return client;
}

describe('hub authentication', () => {
  it('refuses connections without a token when guests are not allowed', async () => {
    server = await startSignalingServer({ allowGuests: false });
    const refused = await hubError(connect());
    expect(refused.code).toBe(ErrorCode.SIGNALING_GUESTS_DISABLED);
    expect(refused.message).toMatch(/Status code '401'$/);
    expect(server.signaling.hub.connectionCount).toBe(0);
  });

  it('refuses a bad or expired token even when guests are allowed', async () => {
    server = await startSignalingServer({ allowGuests: true });
    const alice = await server.signUp('alice');
    // The negotiate body carries the code, so SDKs can tell an expired token from a bad one.
    expect((await hubError(connect('not-a-token'))).code).toBe(ErrorCode.AUTH_TOKEN_INVALID);
    expect((await hubError(connect(await server.expiredToken(alice)))).code).toBe(
      ErrorCode.AUTH_TOKEN_EXPIRED,
    );
    expect((await hubError(connect(`${alice.token.slice(0, -4)}AAAA`))).code).toBe(
      ErrorCode.AUTH_TOKEN_INVALID,
    );
    expect(server.signaling.hub.connectionCount).toBe(0);
  });

  it('lets guests join under their trimmed display name when allowed', async () => {
    server = await startSignalingServer({ allowGuests: true });
    const room = await server.createSession('Room');
    const guest = await connect();
    expect((await hubError(guest.join(room, '   '))).code).toBe(ErrorCode.VALIDATION_FAILED);
    const joined = await guest.join(room, '  Zoé  ');
    expect(joined.username).toBe('Zoé');
    expect(server.signaling.participants(room)).toEqual([
      { peerId: joined.peerId, username: 'Zoé', userId: null, joinedAt: expect.any(String) },
    ]);
  });

  it('shows authenticated users under their account username', async () => {
    server = await startSignalingServer({ allowGuests: true });
    const room = await server.createSession('Room');
    const alice = await connect((await server.signUp('alice')).token);
    const bob = await connect((await server.signUp('bob')).token);
    await alice.join(room, 'Mallory');
    const joined = await bob.join(room, '');
    expect(joined.username).toBe('bob');
    expect(joined.peers.map((p) => p.username)).toEqual(['alice']);
  });
});
