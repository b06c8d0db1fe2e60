import { describe, expect, it } from 'vitest';
import { matchAmounts } from './amount-match';
import type { Amounts } from './keys';

describe('matchAmounts', () => {
  const table: Record<string, Amounts | null> = {
    a: [20_000_000, 30_000_000, 2020],
    b: [9_000_000, 21_000_000, 2021],
    c: [null, 20_500_000, 2020],
    d: [5_000_000, null, 2022],
    e: null,
  };
  const results = Object.keys(table);
  const of = (id: string) => table[id];
  const range = { min: 15_000_000, max: 24_999_999 };

  it("keeps a result by this year's amount first, else by the estimate, in the results' order", () => {
    const matched = matchAmounts(results, of, [range], ['amount', 'estimate']);
    expect([...matched]).toEqual([
      ['a', 'amount'],
      ['b', 'estimate'],
      ['c', 'estimate'],
    ]);
  });

  it('matches any of several ranges, ends included, and leaves unknown amounts out', () => {
    const matched = matchAmounts(
      results,
      of,
      [
        { min: 5_000_000, max: 5_000_000 },
        { min: 30_000_000, max: 30_000_000 },
      ],
      ['amount', 'estimate'],
    );
    expect([...matched]).toEqual([
      ['a', 'estimate'],
      ['d', 'amount'],
    ]);
  });

  it("with this year's amount alone, and open bounds", () => {
    expect([
      ...matchAmounts(results, of, [{ min: null, max: 9_000_000 }], ['amount']).keys(),
    ]).toEqual(['b', 'd']);
    expect([
      ...matchAmounts(results, of, [{ min: 20_000_000, max: null }], ['amount']).keys(),
    ]).toEqual(['a']);
  });

  it('agrees with a plain reading of the ranges on seeded amounts', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    const many = Array.from({ length: 2000 }, (_, i): [string, Amounts] => [
      `p${i}`,
      [
        next() % 4 === 0 ? null : next() % 40_000_000,
        next() % 3 === 0 ? null : next() % 40_000_000,
        2020,
      ],
    ]);
    const lookup = new Map(many);
    const ranges = [
      { min: 1_000_000, max: 3_000_000 },
      { min: 19_000_000, max: 21_000_000 },
    ];
    const inside = (y: number | null) => y !== null && ranges.some((r) => y >= r.min && y <= r.max);
    const expected = many.flatMap(([id, [amount, estimate]]) =>
      inside(amount) ? [[id, 'amount']] : inside(estimate) ? [[id, 'estimate']] : [],
    );
    expect([
      ...matchAmounts([...lookup.keys()], (id) => lookup.get(id), ranges, ['amount', 'estimate']),
    ]).toEqual(expected);
  });
});
