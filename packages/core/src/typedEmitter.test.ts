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

  it('an emit calls the listeners present when it started, in the order they were added', () => {
    const pinger = new Pinger();
    const seen: string[] = [];
    const late = () => seen.push('late');
    const offSecond = pinger.on('ping', () => seen.push('second'));
    pinger.on('ping', () => {
      seen.push('first');
      pinger.on('ping', late); // added during the emit: from the next one on
      offSecond(); // removed during the emit: still called this time (it was there)
    });
    pinger.fire('ping', 1);
    expect(seen).toEqual(['second', 'first']);
    seen.length = 0;
    pinger.fire('ping', 2);
    expect(seen).toEqual(['first', 'late']);
  });

  it('off removes a listener added twice; counts add up across events', () => {
    const pinger = new Pinger();
    const listener = vi.fn();
    pinger.on('ping', listener);
    pinger.on('ping', listener);
    pinger.on('pong', () => {});
    expect(pinger.listenerCount('ping')).toBe(2);
    expect(pinger.listenerCount()).toBe(3);
    pinger.fire('ping', 1);
    expect(listener).toHaveBeenCalledTimes(2);
    pinger.off('ping', listener);
    expect(pinger.listenerCount()).toBe(1);
  });
});
