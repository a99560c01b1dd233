import { describe, expect, it } from 'vitest';
import { Lifecycle } from './lifecycle.js';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Lifecycle', () => {
  it('runs operations one at a time in call order, whatever their outcome', async () => {
    const lifecycle = new Lifecycle();
    const log: string[] = [];
    const op = (name: string, ms: number, fail = false) =>
      lifecycle.run(async () => {
        log.push(`start ${name}`);
        await tick(ms);
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const a = op('a', 20);
    const b = op('b', 1, true);
    const c = op('c', 5);
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(lifecycle.pending).toBe(0);
  });

  it('supersede() makes queued and running operations stale and aborts their signal', async () => {
    const lifecycle = new Lifecycle();
    let running: { current: boolean; aborted: boolean } | undefined;
    const first = lifecycle.run(async (attempt) => {
      await tick(10);
      running = { current: attempt.isCurrent(), aborted: attempt.signal.aborted };
      return 'late';
    });
    const queued = lifecycle.run(
      async () => 'ran',
      () => 'skipped',
    );
    const epoch = lifecycle.supersede('disconnect');
    const after = lifecycle.run(async (attempt) => ({ current: attempt.isCurrent(), epoch: attempt.epoch }));
    await expect(first).resolves.toBe('late');
    expect(running).toEqual({ current: false, aborted: true });
    await expect(queued).resolves.toBe('skipped');
    await expect(after).resolves.toEqual({ current: true, epoch });
  });

  it('idle() waits for everything queued so far', async () => {
    const lifecycle = new Lifecycle();
    let done = false;
    void lifecycle.run(async () => {
      await tick(5);
      done = true;
    });
    await lifecycle.idle();
    expect(done).toBe(true);
  });
});
