import { describe, expect, it } from 'vitest';
import { firstIndex, rangeSlice } from './range';

const amounts = [-1, 700, 7_000_000, 13_000_000, 13_000_000, 20_129_500];

function probe(list: number[]) {
  const loaded: number[] = [];
  const amountAt = (i: number) => {
    loaded.push(i);
    return Promise.resolve(list[i]!);
  };
  return { loaded, amountAt };
}

describe('rangeSlice', () => {
  it('finds projects over 10 million', async () => {
    const { amountAt } = probe(amounts);
    expect(await rangeSlice(amounts.length, amountAt, 10_000_000, null)).toEqual([3, 6]);
  });

  it('treats both bounds as inclusive', async () => {
    const { amountAt } = probe(amounts);
    expect(await rangeSlice(amounts.length, amountAt, 7_000_000, 13_000_000)).toEqual([2, 5]);
  });

  it('returns an empty slice when nothing fits', async () => {
    const { amountAt } = probe(amounts);
    const [start, end] = await rangeSlice(amounts.length, amountAt, 30_000_000, null);
    expect(end - start).toBe(0);
    expect(await rangeSlice(amounts.length, amountAt, 20_000_000, 10_000_000)).toEqual([5, 5]);
  });

  it('loads about log2(n) results, not all of them', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => i * 1000);
    const { loaded, amountAt } = probe(many);
    expect(await rangeSlice(many.length, amountAt, 2_500_000, 7_500_000)).toEqual([2500, 7501]);
    expect(loaded.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10_001)));
  });

  it('firstIndex returns length when no index qualifies', async () => {
    expect(await firstIndex(4, () => Promise.resolve(false))).toBe(4);
    expect(await firstIndex(0, () => Promise.resolve(true))).toBe(0);
  });
});
