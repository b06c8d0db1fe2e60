/**
 * The order of a result list, over the whole set: Pagefind sorts within each
 * part of a merged index and hands the parts on one after another, so a list
 * sorted by amount is sorted again here, as one list, before anything is shown
 * or exported. Pure, so that it is tested apart from the page.
 */

/** The results by amount, largest (`desc`) or smallest first; those without an amount (withheld) last, in their order. */
export function orderByAmount<T>(
  results: readonly T[],
  amountOf: (result: T) => number | null,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return results
    .map((result, i) => ({ result, i, yuan: amountOf(result) }))
    .sort((a, b) =>
      a.yuan === null || b.yuan === null
        ? (a.yuan === null ? 1 : 0) - (b.yuan === null ? 1 : 0) || a.i - b.i
        : sign * (a.yuan - b.yuan) || a.i - b.i,
    )
    .map(({ result }) => result);
}

/**
 * The results of an amount query by how close their amount is to a figure typed: the figure
 * itself first (2000万 finds 20,000,000 before 20,129,500), then the nearest, either side.
 */
export function orderByCloseness<T>(
  results: readonly T[],
  amountOf: (result: T) => number | null,
  values: readonly number[],
): T[] {
  // A loop, not Math.min over a mapped array: an amount alone orders thousands of results on a
  // freshly opened page, where each array made per result counts.
  const distance = (result: T) => {
    const yuan = amountOf(result);
    let least = Infinity;
    if (yuan !== null) for (const v of values) least = Math.min(least, Math.abs(yuan - v));
    return least;
  };
  return results
    .map((result, i) => ({ result, i, d: distance(result) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map(({ result }) => result);
}
