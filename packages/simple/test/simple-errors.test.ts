import { isSmaRTCError, memoryTokenStorage } from '@smartc/core';
import { type SmaRTCServer, TokenService } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmaRTCSimple, type SmaRTCSimpleOptions } from '../src/index.js';
import { deniedMedia, stopMedia, webrtc } from './helpers/media.js';
import { deadServerUrl, startDemoServer } from './helpers/server.js';

let server: SmaRTCServer;
const clients: SmaRTCSimple[] = [];

function simple(options: SmaRTCSimpleOptions = {}): SmaRTCSimple {
  const client = new SmaRTCSimple({ serverUrl: server.url, webrtc, ...options });
  clients.push(client);
  return client;
}

/** What the promise rejected with (fails the test if it resolved). */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.unreachable('it should have failed'),
    (e: unknown) => e,
  );
  if (!isSmaRTCError(error)) throw error;
  return error as import('../src/index.js').SmaRTCSimpleError;
}

beforeAll(async () => {
  server = await startDemoServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  stopMedia();
});
afterAll(async () => {
  await server?.close();
});

describe('SmaRTCSimple errors against the real server', () => {
  it('login with a wrong password: Identifiants incorrects, with the code and the cause', async () => {
    const error = await failure(simple().login('demo', 'wrong-password'));
    expect(error.message).toBe('Identifiants incorrects');
    expect(error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(error.status).toBe(401);
    expect(error.operation).toBe('login');
    expect(isSmaRTCError(error.cause) && error.cause.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(String(error)).toBe('SmaRTC: Identifiants incorrects');
  });

  it('login with the server down: Problème de connexion', async () => {
    const error = await failure(simple({ serverUrl: await deadServerUrl() }).login('demo', 'Demo123!'));
    expect(error.message).toBe('Problème de connexion');
    expect(error.code).toBe('NETWORK_UNREACHABLE');
    expect(error.retryable).toBe(true);
  });

  it('register a taken username or a too-short password', async () => {
    const smartc = simple();
    const taken = await failure(smartc.register('alice', 'Another123!'));
    expect(taken.message).toBe("Ce nom d'utilisateur existe déjà");
    expect(taken.code).toBe('AUTH_USERNAME_TAKEN');
    const invalid = await failure(smartc.register(`u${Date.now()}`, 'x'));
    expect(invalid.message).toBe("Erreur d'inscription: données invalides");
    expect(invalid.code).toBe('VALIDATION_FAILED');
  });

  it('joinCall of an unknown id: Cet appel n’existe pas, and no call is created (ad-hoc rooms are on)', async () => {
    const smartc = simple();
    await smartc.login('demo', 'Demo123!');
    const before = await smartc.getAvailableCalls();
    const error = await failure(smartc.joinCall('no-such-call'));
    expect(error.message).toBe("Cet appel n'existe pas");
    expect(error.code).toBe('SESSION_NOT_FOUND');
    expect(smartc.currentCallId).toBeNull();
    expect(smartc.call).toBeNull();
    expect((await smartc.getAvailableCalls()).map((s) => s.id)).toEqual(before.map((s) => s.id));
  });

  it('startCall or joinCall before login: sign in first', async () => {
    const smartc = simple();
    const start = await failure(smartc.startCall('Mon appel'));
    expect(start.code).toBe('AUTH_REQUIRED');
    expect(start.message).toBe('Connectez-vous d’abord');
    const join = await failure(smartc.joinCall('any'));
    expect(join.code).toBe('AUTH_REQUIRED');
  });

  it('joinCall with the camera and microphone denied: a clear message, no call left behind, then a join without media', async () => {
    const owner = simple();
    await owner.login('alice', 'Alice123!');
    const session = await owner.api.sessions.create({ name: 'Denied' });
    const smartc = simple({ localMedia: deniedMedia });
    await smartc.login('bob', 'Bob123!');
    const error = await failure(smartc.joinCall(session.id));
    expect(error.message).toBe('Accès à la caméra ou au micro refusé');
    expect(error.code).toBe('MEDIA_PERMISSION_DENIED');
    expect(smartc.currentCallId).toBeNull();
    expect((await owner.getCallDetails(session.id)).participants).toEqual([]);
    // what an app offers next: join to watch and listen, without camera or microphone
    await smartc.joinCall(session.id, { media: { audio: false, video: false } });
    expect(smartc.currentCallId).toBe(session.id);
    expect(smartc.call?.getSnapshot().self.media).toEqual({ audio: false, video: false, screen: false });
    expect((await owner.getCallDetails(session.id)).participants.map((p) => p.username)).toEqual(['bob']);
  });

  it('toggles outside a call: Erreur micro / Erreur caméra', async () => {
    const smartc = simple();
    const mic = await failure(smartc.toggleMicrophone());
    expect(mic.message).toBe('Erreur micro');
    expect(mic.code).toBe('SIGNALING_NOT_JOINED');
    const cam = await failure(smartc.toggleCamera());
    expect(cam.message).toBe('Erreur caméra');
  });

  it('getCallDetails of an unknown id: Appel introuvable; lists need a login', async () => {
    const smartc = simple();
    const list = await failure(smartc.getAvailableCalls());
    expect(list.code).toBe('AUTH_REQUIRED');
    await smartc.login('demo', 'Demo123!');
    const details = await failure(smartc.getCallDetails('no-such-call'));
    expect(details.message).toBe('Appel introuvable');
    expect(details.code).toBe('SESSION_NOT_FOUND');
  });

  it('a sign-in the server says has expired asks to sign in again', async () => {
    const secret = 'simple-tests-secret-of-at-least-32-chars';
    const strict = await startDemoServer({ jwtSecret: secret });
    try {
      const fresh = simple({ serverUrl: strict.url });
      const { id, username, role } = await fresh.login('demo', 'Demo123!');
      // A token the server issued an hour ago with a 60 s lifetime, kept by an app that believes it valid.
      const stale = await new TokenService(secret, 60).issue(
        { userId: id, username, role },
        new Date(Date.now() - 3_600_000),
      );
      const storage = memoryTokenStorage();
      storage.set({
        token: stale.token,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id, username, role },
      });
      const smartc = simple({ serverUrl: strict.url, tokenStorage: storage });
      expect(smartc.isLoggedIn).toBe(true);
      const error = await failure(smartc.getAvailableCalls());
      expect(error.code).toBe('AUTH_TOKEN_EXPIRED');
      expect(error.status).toBe(401);
      expect(error.message).toBe('Votre connexion a expiré, reconnectez-vous');
      // the refused login is dropped: the next call asks to sign in
      expect(smartc.isLoggedIn).toBe(false);
      const join = await failure(smartc.joinCall('any-call'));
      expect(join.code).toBe('AUTH_REQUIRED');
      expect(join.message).toBe('Connectez-vous d’abord');
    } finally {
      await strict.close();
    }
  });

  it('speaks English on request, and messages can be replaced', async () => {
    const english = await failure(simple({ locale: 'en' }).login('demo', 'nope'));
    expect(english.message).toBe('Wrong username or password');
    const custom = simple({ messages: { fr: { invalidCredentials: 'Mot de passe erroné' } } });
    expect((await failure(custom.login('demo', 'nope'))).message).toBe('Mot de passe erroné');
    custom.locale = 'en';
    expect((await failure(custom.login('demo', 'nope'))).message).toBe('Wrong username or password');
  });

  it('keeps serving everyone after all of the above', async () => {
    const smartc = simple();
    await expect(smartc.login('demo', 'Demo123!')).resolves.toMatchObject({ username: 'demo' });
    expect(smartc.isLoggedIn).toBe(true);
    expect(smartc.currentUsername).toBe('demo');
    expect(Array.isArray(await smartc.getIceServers())).toBe(true);
  });
});
