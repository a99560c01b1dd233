import { describe, expect, it } from 'vitest';
import { MAX_QUEUED_BYTES, SendQueue } from './sendQueue.js';

describe('SendQueue', () => {
  it('batches records queued in the same tick into one payload, in order', async () => {
    const payloads: string[] = [];
    const queue = new SendQueue(() => {});
    queue.attach(async (payload) => {
      payloads.push(payload);
    });
    queue.enqueue('a\x1e');
    queue.enqueue('b\x1e');
    await queue.flush();
    queue.enqueue('c\x1e');
    await queue.flush();
    expect(payloads).toEqual(['a\x1eb\x1e', 'c\x1e']);
  });

  it('holds records until a sink is attached', async () => {
    const payloads: string[] = [];
    const queue = new SendQueue(() => {});
    queue.enqueue('a\x1e');
    queue.attach(async (payload) => {
      payloads.push(payload);
    });
    await queue.flush();
    expect(payloads).toEqual(['a\x1e']);
  });

  it('surfaces a failed write once and refuses more', async () => {
    const errors: Error[] = [];
    const queue = new SendQueue((error) => errors.push(error));
    queue.attach(() => Promise.reject(new Error('socket gone')));
    queue.enqueue('a\x1e');
    await queue.flush();
    expect(errors.map((e) => e.message)).toEqual(['socket gone']);
    expect(queue.enqueue('b\x1e')).toBe(false);
  });

  it('fails on overflow', () => {
    const errors: Error[] = [];
    const queue = new SendQueue((error) => errors.push(error));
    expect(queue.enqueue('x'.repeat(MAX_QUEUED_BYTES + 1))).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
