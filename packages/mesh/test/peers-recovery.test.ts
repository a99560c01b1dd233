import type { Signal } from '@smartc/protocol';
import type { SmaRTCServer } from '@smartc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NEGOTIATION_REBUILDS } from '../src/peers/negotiationRecovery.js';
import { type Bot, createBot, joinAll, startTestServer, waitFor } from './helpers/peers.js';

// A remote description that cannot be applied leaves a connection stuck (e.g. in have-local-offer waiting for
// an answer that was refused). These tests break answers on the wire and check the mesh recovers by itself.

let server: SmaRTCServer;
let bots: Bot[] = [];
let room = 0;
const nextRoom = () => `recovery-${process.pid}-${++room}`;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(bots.map((b) => b.close()));
  bots = [];
});
afterAll(async () => {
  await server?.close();
});

/** Makes the next `count` answers the bots send unusable (an SDP line the other side cannot parse). */
function breakAnswers(bots: Bot[], count: number): { broken: () => number } {
  let broken = 0;
  for (const bot of bots) {
    const send = bot.signaling.sendSignal.bind(bot.signaling);
    bot.signaling.sendSignal = (to: string, signal: Signal) => {
      if (signal.type !== 'answer' || broken >= count) return send(to, signal);
      broken += 1;
      return send(to, { ...signal, sdp: signal.sdp.replace(/a=fingerprint:[^\r\n]+/, 'a=fingerprint:zz') });
    };
  }
  return { broken: () => broken };
}

function pair(): [Bot, Bot] {
  const made = [createBot(server, 'alice'), createBot(server, 'bob')] as [Bot, Bot];
  bots.push(...made);
  return made;
}

const connected = (a: Bot, b: Bot) =>
  a.mesh.getPeer(b.peerId)?.state === 'connected' && b.mesh.getPeer(a.peerId)?.state === 'connected';

describe('recovery from a failed negotiation', () => {
  it('a refused answer: the connection is rebuilt on both sides and the peers connect, data flowing', async () => {
    const [alice, bob] = pair();
    const wire = breakAnswers([alice, bob], 1);
    const rebuilt: string[] = [];
    for (const b of [alice, bob])
      b.mesh.on('peer-disconnected', (_peerId, reason) => rebuilt.push(`${b.name}:${reason}`));
    await joinAll([alice, bob], nextRoom());

    await waitFor(
      () => connected(alice, bob),
      20_000,
      () => `connected after a broken answer (${rebuilt})`,
    );
    expect(wire.broken()).toBe(1);
    // the side that got the broken answer reported it and rebuilt; the other rebuilt on its newer offer
    const errors = [...alice.errors, ...bob.errors] as Array<{ code: string; message: string }>;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'PEER_CONNECTION_FAILED',
      message: expect.stringMatching(/answer/),
    });
    expect(rebuilt.sort()).toEqual(['alice:rebuilt', 'bob:rebuilt']);
    expect([...alice.failed, ...bob.failed]).toEqual([]);

    await waitFor(
      () =>
        !!alice.mesh.getPeer(bob.peerId)?.channels.reliable &&
        !!bob.mesh.getPeer(alice.peerId)?.channels.reliable,
      10_000,
      'data channels open',
    );
    expect(alice.mesh.send(bob.peerId, 'ping')).toBe(true);
    expect(bob.mesh.send(alice.peerId, 'pong')).toBe(true);
    await waitFor(
      () => bob.received.some((r) => r.data === 'ping') && alice.received.some((r) => r.data === 'pong'),
      5_000,
      'data both ways',
    );
  });

  it(`answers refused every time: after ${MAX_NEGOTIATION_REBUILDS} rebuilds the peer is given up (PEER_CONNECTION_FAILED)`, async () => {
    const [alice, bob] = pair();
    breakAnswers([alice, bob], Number.POSITIVE_INFINITY);
    await joinAll([alice, bob], nextRoom());
    await waitFor(
      () => alice.failed.length + bob.failed.length > 0,
      10_000,
      () =>
        `a peer given up (errors: ${[...alice.errors, ...bob.errors].map((e) => (e as Error).message)}; alice→bob ${alice.mesh.getPeer(bob.peerId)?.state}/${alice.mesh.getPeer(bob.peerId)?.pc.signalingState}, bob→alice ${bob.mesh.getPeer(alice.peerId)?.state}/${bob.mesh.getPeer(alice.peerId)?.pc.signalingState})`,
    );
    const failed = [...alice.failed, ...bob.failed];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.code).toBe('PEER_CONNECTION_FAILED');
    const errors = alice.errors.length + bob.errors.length;
    expect(errors).toBe(MAX_NEGOTIATION_REBUILDS + 1);
  });
});
