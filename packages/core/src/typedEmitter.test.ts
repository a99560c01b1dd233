import { describe, expect, it, vi } from 'vitest';
import { TypedEmitter } from './typedEmitter.js';

type Events = { ping: [n: number]; pong: [] };

class Pinger extends TypedEmitter<Events> {
  fire<K extends keyof Events>(event: K, ...args: Events[K]) {
    this.emit(event, ...args);
  }
}

describe('TypedEmitter', () => {
  it('delivers events until unsubscribed', () => {
    const pinger = new Pinger();
    const seen: number[] = [];
    const off = pinger.on('ping', (n) => seen.push(n));
    pinger.fire('ping', 1);
    off();
    off();
    pinger.fire('ping', 2);
    expect(seen).toEqual([1]);
    expect(pinger.listenerCount()).toBe(0);
  });

  it('once listeners fire once and then leave no listener behind', () => {
    const pinger = new Pinger();
    const listener = vi.fn();
    pinger.once('pong', listener);
    pinger.fire('pong');
    pinger.fire('pong');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(pinger.listenerCount('pong')).toBe(0);
  });

  it('a throwing listener does not stop the others', async () => {
    const pinger = new Pinger();
    const after = vi.fn();
    const uncaught = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    pinger.on('ping', () => {
      throw new Error('listener bug');
    });
    pinger.on('ping', after);
    pinger.fire('ping', 7);
    expect(after).toHaveBeenCalledWith(7);
    expect(await uncaught).toMatchObject({ message: 'listener bug' });
  });
});
