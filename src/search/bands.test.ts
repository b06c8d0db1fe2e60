import { describe, expect, it } from 'vitest';
import { BANDS, bandByCode, bandOf, inRange } from './bands';

describe('amount bands', () => {
  it('puts each real project in one band', () => {
    expect(bandOf(7_000_000).code).toBe('5m-10m');
    expect(bandOf(13_000_000).code).toBe('10m-20m');
    expect(bandOf(20_129_500).code).toBe('20m-50m');
  });

  it('includes the lower bound and excludes the upper', () => {
    expect(bandOf(5_000_000).code).toBe('5m-10m');
    expect(bandOf(4_999_999).code).toBe('under-5m');
    expect(bandOf(50_000_000).code).toBe('50m-plus');
    expect(bandOf(1).code).toBe('under-5m');
  });

  it('covers every amount without gaps or overlaps', () => {
    for (let i = 1; i < BANDS.length; i += 1) expect(BANDS[i]!.min).toBe(BANDS[i - 1]!.max);
    expect(BANDS.at(-1)!.max).toBeNull();
  });

  it('finds bands by code', () => {
    expect(bandByCode('10m-20m')?.min).toBe(10_000_000);
    expect(bandByCode('nope')).toBeUndefined();
    expect(bandByCode(null)).toBeUndefined();
  });

  it('checks inclusive ranges with open ends', () => {
    expect(inRange(10_000_000, 10_000_000, null)).toBe(true);
    expect(inRange(9_999_999, 10_000_000, null)).toBe(false);
    expect(inRange(7_000_000, null, 7_000_000)).toBe(true);
    expect(inRange(7_000_001, null, 7_000_000)).toBe(false);
    expect(inRange(5, null, null)).toBe(true);
  });
});
