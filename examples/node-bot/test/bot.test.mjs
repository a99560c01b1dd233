import wrtc from '@roamhq/wrtc';
import { Call } from '@smartc/mesh';
import { startServer } from '@smartc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerTo, createBot } from '../src/createBot.mjs';
import { drawTestPattern } from '../src/syntheticMedia.mjs';

/** Resolves when `predicate(call.getSnapshot())` returns something truthy. */
function waitFor(call, predicate, what, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const check = (snapshot) => {
      const value = predicate(snapshot);
      if (value) {
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      }
    };
    unsubscribe = call.subscribe(check);
    check(call.getSnapshot());
  });
}

describe('answerTo', () => {
  const context = { botName: 'Bot', participants: [{ username: 'alice' }, { username: 'bob' }] };
  it('answers commands and echoes the rest', () => {
    expect(answerTo('/ping', context)).toBe('pong');
    expect(answerTo('/help', context)).toContain('/ping');
    expect(answerTo('/who', context)).toBe('I see 2: alice, bob');
    expect(answerTo('/who', { ...context, participants: [] })).toBe('I see nobody');
    expect(answerTo('/nope', context)).toContain('/help');
    expect(answerTo('  hello ', context)).toBe('🤖 Bot: you said "hello"');
  });
  it('ignores empty text and other bots', () => {
    expect(answerTo('   ', context)).toBeNull();
    expect(answerTo('🤖 Other: you said "x"', context)).toBeNull();
  });
});

describe('drawTestPattern', () => {
  it('draws I420 frames that move', () => {
    const a = drawTestPattern(32, 16, 0);
    const b = drawTestPattern(32, 16, 1);
    expect(a).toHaveLength(32 * 16 * 1.5);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});

describe('node bot against a real server', () => {
  let server;
  /** @type {Array<() => Promise<unknown> | unknown>} */
  let cleanups;

  beforeEach(async () => {
    cleanups = [];
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: ':memory:',
      dev: true,
      allowGuests: true,
      adhocRooms: true,
      logLevel: 'silent',
      rateLimits: false,
    });
  });

  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await server?.close();
  });

  function participant(username) {
    const call = new Call({ serverUrl: server.url, username, webrtc: wrtc, statsIntervalMs: 500 });
    cleanups.push(() => call.dispose());
    return call;
  }

  it('sends video frames that decode, an audio track, and answers /ping', async () => {
    const bot = await createBot({
      serverUrl: server.url,
      sessionId: 'bot-room',
      username: 'Test Bot',
      webrtc: wrtc,
    });
    cleanups.push(() => bot.stop());
    expect(bot.peerId).toBeTruthy();

    const alice = participant('alice');
    await alice.join('bot-room', { localStream: null });

    const botSeen = await waitFor(
      alice,
      (s) => s.participants.find((p) => p.username === 'Test Bot' && p.stream?.getVideoTracks().length),
      'the bot with a video track',
    );
    expect(botSeen.peerId).toBe(bot.peerId);
    const stream = await waitFor(
      alice,
      (s) => {
        const p = s.participants.find((x) => x.peerId === bot.peerId);
        return p?.stream?.getAudioTracks().length ? p.stream : null;
      },
      'the bot audio track',
    );
    expect(stream.getAudioTracks()[0].kind).toBe('audio');

    // The video decodes: count frames of the right size on a sink.
    const sink = new wrtc.nonstandard.RTCVideoSink(stream.getVideoTracks()[0]);
    cleanups.push(() => sink.stop());
    const frames = await new Promise((resolve, reject) => {
      const sizes = [];
      const timer = setTimeout(() => reject(new Error(`only ${sizes.length} frames decoded`)), 10_000);
      sink.onframe = ({ frame }) => {
        sizes.push(`${frame.width}x${frame.height}`);
        if (sizes.length >= 5) {
          clearTimeout(timer);
          sink.onframe = null;
          resolve(sizes);
        }
      };
    });
    expect(frames).toEqual(Array(5).fill('320x240'));
    expect(bot.media.framesSent).toBeGreaterThan(5);

    // Chat: /ping gets pong from the bot; the bot does not answer itself.
    await alice.sendMessage('/ping');
    const pong = await waitFor(
      alice,
      (s) => s.messages.find((m) => m.fromPeerId === bot.peerId && m.text === 'pong'),
      'pong',
    );
    expect(pong.username).toBe('Test Bot');
    await alice.sendMessage('hello bot');
    await waitFor(
      alice,
      (s) =>
        s.messages.find((m) => m.fromPeerId === bot.peerId && m.text === '🤖 Test Bot: you said "hello bot"'),
      'the echo',
    );
    await alice.sendMessage('/who');
    await waitFor(alice, (s) => s.messages.find((m) => m.text === 'I see 1: alice'), 'the /who answer');
    await new Promise((r) => setTimeout(r, 300));
    const fromBot = alice.getSnapshot().messages.filter((m) => m.fromPeerId === bot.peerId);
    expect(fromBot.map((m) => m.text)).toEqual([
      'pong',
      '🤖 Test Bot: you said "hello bot"',
      'I see 1: alice',
    ]);
    expect(bot.answered).toBe(3);

    // Its own messages are never answered (the hub does not echo them today; the guard must hold if it does).
    const own = {
      id: 'own-1',
      sessionId: 'bot-room',
      fromPeerId: bot.peerId,
      username: 'Test Bot',
      text: '/ping',
    };
    bot.call.signaling.emit('message', { ...own, sentAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.answered).toBe(3);

    // Stopping leaves the session: alice sees the bot go.
    await bot.stop();
    await waitFor(alice, (s) => !s.participants.some((p) => p.peerId === bot.peerId), 'the bot to leave');
  });

  it('signs in with login and appears under that username', async () => {
    const credentials = { username: 'robot', password: 'Robot-Passw0rd!' };
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    expect(registered.ok).toBe(true);
    const loggedIn = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    expect(loggedIn.ok).toBe(true);

    const bot = await createBot({
      serverUrl: server.url,
      sessionId: 'login-room',
      login: credentials,
      webrtc: wrtc,
      audio: false,
    });
    cleanups.push(() => bot.stop());

    const bob = participant('bob');
    await bob.join('login-room', { localStream: null });
    const seen = await waitFor(
      bob,
      (s) => s.participants.find((p) => p.peerId === bot.peerId),
      'the signed-in bot',
    );
    expect(seen.username).toBe('robot');
  });

  it('rejects a wrong password', async () => {
    await expect(
      createBot({
        serverUrl: server.url,
        sessionId: 'x',
        login: { username: 'nobody', password: 'wrong-password' },
        webrtc: wrtc,
      }),
    ).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
  });
});
