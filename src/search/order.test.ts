import { describe, expect, it } from 'vitest';
import { orderByAmount, orderByCloseness } from './order';

/** Results as a merged index gives them: each part sorted, the parts one after another. */
const PARTS = [
  { id: 'a2024', yuan: 15236800 },
  { id: 'b2024', yuan: 9860000 },
  { id: 'c2023', yuan: 12500000 },
  { id: 'd2023', yuan: null },
  { id: 'e2022', yuan: 20129500 },
  { id: 'f2022', yuan: 6528000 },
];
const amountOf = (r: { yuan: number | null }) => r.yuan;

describe('one result list', () => {
  it('sorts by amount across every part, largest first, withheld last', () => {
    expect(orderByAmount(PARTS, amountOf, 'desc').map((r) => r.id)).toEqual([
      'e2022',
      'a2024',
      'c2023',
      'b2024',
      'f2022',
      'd2023',
    ]);
  });

  it('sorts smallest first, withheld still last, ties in the order given', () => {
    const tied = [...PARTS, { id: 'g2022', yuan: 6528000 }];
    expect(orderByAmount(tied, amountOf, 'asc').map((r) => r.id)).toEqual([
      'f2022',
      'g2022',
      'b2024',
      'c2023',
      'a2024',
      'e2022',
      'd2023',
    ]);
  });

  it('ranks an amount query’s results by closeness to the figure typed, the figure itself first', () => {
    const found = [
      { id: 'far', yuan: 15236800 },
      { id: 'near', yuan: 20129500 },
      { id: 'exact', yuan: 20000000 },
    ];
    expect(orderByCloseness(found, amountOf, [20000000]).map((r) => r.id)).toEqual([
      'exact',
      'near',
      'far',
    ]);
  });
});
