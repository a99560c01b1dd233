import { describe, expect, it } from 'vitest';
import { GenerationFilter, nextGeneration } from './generation.js';
import { isPolite } from './politeness.js';

describe('isPolite', () => {
  it('makes exactly one side of every pair polite, deterministically', () => {
    const ids = ['p_a', 'p_B', 'p_b', 'p_zz', 'p_0'];
    for (const x of ids)
      for (const y of ids) {
        if (x === y) continue;
        expect(isPolite(x, y)).toBe(!isPolite(y, x));
        expect(isPolite(x, y)).toBe(isPolite(x, y));
      }
  });
  it('refuses a peer negotiating with itself', () => {
    expect(() => isPolite('p', 'p')).toThrow();
  });
});

describe('generations', () => {
  it('nextGeneration is strictly increasing', () => {
    const a = nextGeneration();
    const b = nextGeneration();
    expect(b).toBeGreaterThan(a);
  });
  it('binds the first tagged generation, drops older ones and flags newer ones', () => {
    const filter = new GenerationFilter();
    expect(filter.check(undefined)).toBe('current');
    expect(filter.bound).toBeUndefined();
    expect(filter.check(5)).toBe('current');
    expect(filter.bound).toBe(5);
    expect(filter.check(5)).toBe('current');
    expect(filter.check(4)).toBe('stale');
    expect(filter.check(6)).toBe('newer');
    expect(filter.bound).toBe(5);
    expect(new GenerationFilter(9).check(8)).toBe('stale');
  });
});
