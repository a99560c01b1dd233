import { describe, expect, it } from 'vitest';
import { MAX_NEGOTIATION_REBUILDS, NegotiationRecovery } from './negotiationRecovery.js';

describe('NegotiationRecovery', () => {
  it('rebuilds a peer up to the limit, then gives it up', () => {
    const recovery = new NegotiationRecovery();
    for (let i = 0; i < MAX_NEGOTIATION_REBUILDS; i++) expect(recovery.failed('a')).toBe('rebuild');
    expect(recovery.failed('a')).toBe('give-up');
    expect(recovery.failed('b')).toBe('rebuild');
  });

  it('starts a new series once the peer connected, or when forgotten', () => {
    const recovery = new NegotiationRecovery(1);
    expect(recovery.failed('a')).toBe('rebuild');
    recovery.connected('a');
    expect(recovery.failed('a')).toBe('rebuild');
    expect(recovery.failed('a')).toBe('give-up');
    recovery.forget('a');
    expect(recovery.failed('a')).toBe('rebuild');
    recovery.forget();
    expect(recovery.failed('a')).toBe('rebuild');
  });
});
