/** One page of a listing. */
export interface Slice<T> {
  /** 1-based. */
  page: number;
  pages: number;
  items: T[];
  /** Index of the first item in the whole listing. */
  offset: number;
}

/** Splits a listing into pages of `size`; an empty listing is one empty page. */
export function paginate<T>(items: readonly T[], size: number): Slice<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a whole number from 1, not ${size}`);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    items: items.slice(i * size, (i + 1) * size),
    offset: i * size,
  }));
}

/**
 * Page numbers to show in a pager: first, last, and a window around the
 * current one, with null where numbers are skipped. Keeps the pager short
 * at 100 pages: 1 … 4 5 [6] 7 8 … 100.
 */
export function pagerNumbers(current: number, pages: number, around = 2): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let p = current - around; p <= current + around; p += 1)
    if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? [null, p] : [p]));
}
