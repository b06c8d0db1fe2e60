import { describe, expect, it } from 'vitest';
import { shares } from './shares';

describe('shares', () => {
  it('gives the real projects 17.4 %, 50.2 % and 32.4 %, adding up to 100', () => {
    expect(shares([7_000_000, 20_129_500, 13_000_000])).toEqual([17.4, 50.2, 32.4]);
  });

  it('hands out rounding remainders so the total is exactly 100', () => {
    const thirds = shares([1, 1, 1]);
    expect(thirds).toEqual([33.4, 33.3, 33.3]);
    expect(Math.round(thirds.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
    expect(shares([1, 2, 3, 4, 5, 6, 7], 0).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('returns zeros when there is nothing to share', () => {
    expect(shares([0, 0])).toEqual([0, 0]);
    expect(shares([])).toEqual([]);
  });
});
