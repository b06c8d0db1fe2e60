/**
 * Pagefind has no range filters. Results sorted by amount are monotone, so the
 * first result at or above a bound can be found by binary search, loading only
 * about log2(n) result fragments: 14 for 10,000 projects, not 10,000.
 */
export async function firstIndex(
  length: number,
  isAtOrAfter: (index: number) => Promise<boolean>,
): Promise<number> {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (await isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The [start, end) slice of an ascending-by-amount list whose amounts lie in
 * [min, max]; `amountAt` loads one result's amount.
 */
export async function rangeSlice(
  length: number,
  amountAt: (index: number) => Promise<number>,
  min: number | null,
  max: number | null,
): Promise<[number, number]> {
  const start =
    min === null ? 0 : await firstIndex(length, async (i) => (await amountAt(i)) >= min);
  const end =
    max === null ? length : await firstIndex(length, async (i) => (await amountAt(i)) > max);
  return [start, Math.max(start, end)];
}
