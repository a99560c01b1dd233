import { NO_MEDIA } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { InMemoryPresenceStore, type Participant, toParticipantDto } from './presence.js';
import { SignalQueue } from './signalQueue.js';

function participant(peerId: string, sessionId: string, connectionId: string | null): Participant {
  return {
    sessionId,
    peerId,
    username: `user-${peerId}`,
    userId: null,
    principal: `guest:user-${peerId}`,
    joinedAt: '2025-01-01T00:00:00.000Z',
    media: { ...NO_MEDIA },
    connectionId,
    lastSeen: 0,
  };
}

describe('InMemoryPresenceStore', () => {
  it('indexes participants by peer, session and connection', () => {
    const store = new InMemoryPresenceStore();
    store.add(participant('a', 's1', 'c1'));
    store.add(participant('b', 's1', 'c2'));
    store.add(participant('c', 's2', 'c3'));
    expect(store.size).toBe(3);
    expect(store.list('s1').map((p) => p.peerId)).toEqual(['a', 'b']);
    expect(store.count('s2')).toBe(1);
    expect(store.byConnection('c2')?.peerId).toBe('b');
    expect(store.get('c')?.sessionId).toBe('s2');
    expect(store.sessionIds().sort()).toEqual(['s1', 's2']);
  });

  it('detaches and re-attaches connections', () => {
    const store = new InMemoryPresenceStore();
    store.add(participant('a', 's1', 'c1'));
    store.attach('a', null);
    expect(store.byConnection('c1')).toBeUndefined();
    expect(store.get('a')?.connectionId).toBeNull();
    expect(store.list('s1')).toHaveLength(1);
    store.attach('a', 'c9');
    expect(store.byConnection('c9')?.peerId).toBe('a');
  });

  it('binds a connection to at most one participant', () => {
    const store = new InMemoryPresenceStore();
    store.add(participant('a', 's1', 'c1'));
    store.add(participant('b', 's2', null));
    store.attach('b', 'c1');
    expect(store.byConnection('c1')?.peerId).toBe('b');
    expect(store.get('a')?.connectionId).toBeNull();
  });

  it('removes participants and empty sessions without leaving index entries', () => {
    const store = new InMemoryPresenceStore();
    store.add(participant('a', 's1', 'c1'));
    expect(store.remove('a')?.peerId).toBe('a');
    expect(store.remove('a')).toBeUndefined();
    expect(store.byConnection('c1')).toBeUndefined();
    expect(store.sessionIds()).toEqual([]);
    expect(store.list('s1')).toEqual([]);
    expect(store.size).toBe(0);
  });

  it('replaces a participant added twice', () => {
    const store = new InMemoryPresenceStore();
    store.add(participant('a', 's1', 'c1'));
    store.add(participant('a', 's1', 'c2'));
    expect(store.count('s1')).toBe(1);
    expect(store.byConnection('c1')).toBeUndefined();
    expect(store.byConnection('c2')?.peerId).toBe('a');
  });

  it('clears everything', () => {
    const store = new InMemoryPresenceStore();
    store.add(participant('a', 's1', 'c1'));
    store.clear();
    expect(store.size).toBe(0);
    expect(store.byConnection('c1')).toBeUndefined();
  });

  it('maps to the REST participant DTO without internal fields', () => {
    expect(toParticipantDto(participant('a', 's1', 'c1'))).toEqual({
      peerId: 'a',
      username: 'user-a',
      userId: null,
      joinedAt: '2025-01-01T00:00:00.000Z',
    });
  });
});

describe('SignalQueue', () => {
  it('keeps signals in order and drains them', () => {
    const queue = new SignalQueue();
    queue.push({ fromPeerId: 'a', signal: 1, bytes: 1 });
    queue.push({ fromPeerId: 'b', signal: 2, bytes: 1 });
    expect(queue.drain().map((s) => s.signal)).toEqual([1, 2]);
    expect(queue.length).toBe(0);
    expect(queue.bytes).toBe(0);
  });

  it('drops the oldest signals beyond the count bound', () => {
    const queue = new SignalQueue({ maxSignals: 3, maxBytes: 1000 });
    for (let i = 0; i < 5; i++) queue.push({ fromPeerId: 'a', signal: i, bytes: 10 });
    expect(queue.dropped).toBe(2);
    expect(queue.drain().map((s) => s.signal)).toEqual([2, 3, 4]);
  });

  it('drops the oldest signals beyond the byte bound', () => {
    const queue = new SignalQueue({ maxSignals: 100, maxBytes: 100 });
    queue.push({ fromPeerId: 'a', signal: 'old', bytes: 60 });
    queue.push({ fromPeerId: 'a', signal: 'new', bytes: 50 });
    expect(queue.bytes).toBe(50);
    expect(queue.drain().map((s) => s.signal)).toEqual(['new']);
  });
});
