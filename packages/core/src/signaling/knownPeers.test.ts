import type { PeerInfo } from '@smartc/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KnownPeers } from './knownPeers.js';

const media = { audio: true, video: false, screen: false };
const peer = (peerId: string, username = peerId): PeerInfo => ({ peerId, username, media });
const joinedEvent = (p: PeerInfo, resumed?: boolean) => ({ ...p, connectionId: p.peerId, resumed });

describe('KnownPeers', () => {
  let log: string[];
  let peers: KnownPeers;
  beforeEach(() => {
    vi.useFakeTimers();
    log = [];
    peers = new KnownPeers(
      {
        joined: (p) => log.push(`joined ${p.peerId}`),
        left: (p, why) => log.push(`left ${p.peerId} ${why}`),
      },
      1000,
    );
  });
  afterEach(() => vi.useRealTimers());

  it('dedupes the compat UserJoined and resumed announces of known peers', () => {
    peers.reset([peer('a'), peer('b')]);
    peers.userJoined(joinedEvent(peer('a')));
    peers.userJoined(joinedEvent(peer('b'), true));
    peers.userJoined(joinedEvent(peer('c')));
    expect(log).toEqual(['joined c']);
    expect([...peers.snapshot().keys()]).toEqual(['a', 'b', 'c']);
  });

  it('reports a known peer leaving once, and ignores unknown ones', () => {
    peers.reset([peer('a')]);
    const left = { peerId: 'a', connectionId: 'a', username: 'a', reason: 'left' as const };
    peers.userLeft(left);
    peers.userLeft(left);
    peers.userLeft({ ...left, peerId: 'zz' });
    expect(log).toEqual(['left a left']);
    expect(peers.size).toBe(0);
  });

  it('keeps peers missing after a rejoin for the grace window and drops them only if still missing', () => {
    peers.reset([peer('a'), peer('b'), peer('c')]);
    peers.reconcile([peer('a'), peer('d')]);
    expect(log).toEqual(['joined d']);
    expect(peers.pendingCount).toBe(2);
    vi.advanceTimersByTime(500);
    peers.userJoined(joinedEvent(peer('b'), true)); // came back after a server restart
    vi.advanceTimersByTime(600);
    expect(log).toEqual(['joined d', 'left c disconnected']);
    expect([...peers.snapshot().keys()].sort()).toEqual(['a', 'b', 'd']);
    expect(peers.pendingCount).toBe(0);
  });

  it('clear() forgets silently and cancels the grace timers', () => {
    peers.reset([peer('a')]);
    peers.reconcile([]);
    peers.clear();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual([]);
    expect(peers.size).toBe(0);
  });

  it('tracks media states and hands out copies', () => {
    peers.reset([peer('a')]);
    expect(peers.updateMedia('a', { audio: false, video: true, screen: false })).toBe(true);
    expect(peers.updateMedia('x', media)).toBe(false);
    const copy = peers.get('a');
    if (copy) copy.media.audio = true;
    expect(peers.get('a')?.media).toEqual({ audio: false, video: true, screen: false });
  });
});
