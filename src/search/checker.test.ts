import { describe, expect, it } from 'vitest';
import { createExactChecker } from './checker';

describe('createExactChecker', () => {
  // Candidates 0..999; every third is an exact match. Counts how many were looked at.
  const candidates = Array.from({ length: 1000 }, (_, i) => i);
  const make = () => {
    const looked: number[] = [];
    const checker = createExactChecker(
      candidates,
      (n) => {
        looked.push(n);
        return Promise.resolve(n % 3 === 0);
      },
      20,
    );
    return { checker, looked };
  };

  it('checks only as many batches as the first page needs, in order', async () => {
    const { checker, looked } = make();
    await checker.checkUntil(10);
    // Two whole batches: the first holds 7 matches, the second brings 14.
    expect(looked).toEqual(candidates.slice(0, 40));
    expect(checker.checked).toBe(40);
    expect(checker.exact).toEqual(candidates.slice(0, 40).filter((n) => n % 3 === 0));
    expect(checker.partial).toHaveLength(40 - 14);
  });

  it('stops at a limit of candidates, however few matches it found', async () => {
    const { checker, looked } = make();
    await checker.checkUntil(Infinity, 60);
    expect(checker.checked).toBe(60);
    expect(looked).toHaveLength(60);
  });

  it('checks on when asked, and stops at the last candidate', async () => {
    const { checker, looked } = make();
    await checker.checkUntil(10);
    await checker.checkUntil(Infinity);
    expect(checker.checked).toBe(1000);
    expect(looked).toEqual(candidates);
    expect(checker.exact).toHaveLength(334);
    expect(checker.partial).toHaveLength(666);
  });
});

describe('createExactChecker without a check', () => {
  it('counts every candidate exact at once, in order, and checks nothing more', async () => {
    const candidates = Array.from({ length: 500 }, (_, i) => 500 - i);
    const checker = createExactChecker(candidates, null, 10);
    expect(checker.exact).toEqual(candidates);
    expect(checker.checked).toBe(500);
    expect(checker.partial).toEqual([]);
    await checker.checkUntil(Infinity);
    expect(checker.exact).toEqual(candidates);
    expect(checker.checked).toBe(500);
  });
});
