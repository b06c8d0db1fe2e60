import { describe, expect, it } from 'vitest';
import { pagerNumbers, paginate } from './paginate';

describe('paginate', () => {
  it('splits into pages of the given size, the last one shorter', () => {
    const slices = paginate([1, 2, 3, 4, 5], 2);
    expect(slices.map((s) => s.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(slices.map((s) => [s.page, s.pages, s.offset])).toEqual([
      [1, 3, 0],
      [2, 3, 2],
      [3, 3, 4],
    ]);
  });

  it('gives one empty page for an empty listing, and refuses a bad size', () => {
    expect(paginate([], 10)).toEqual([{ page: 1, pages: 1, items: [], offset: 0 }]);
    expect(() => paginate([1], 0)).toThrow(/page size/);
  });
});

describe('pagerNumbers', () => {
  it('shows first, last and a window around the current page, with gaps', () => {
    expect(pagerNumbers(6, 100)).toEqual([1, null, 4, 5, 6, 7, 8, null, 100]);
    expect(pagerNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(2, 10)).toEqual([1, 2, 3, 4, null, 10]);
  });
});
