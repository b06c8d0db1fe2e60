import type { AmountBounds, AmountKey, Amounts } from './keys';

/**
 * Which results of a query about amounts are kept, and under which amount: this year's funding
 * if it lies in one of the ranges, else the estimate (the key is where the result's link lands).
 * Pure, and one pass over the results with one lookup each and nothing allocated per result: an
 * amount without words lists every page (10,000 at the bench's size), and it runs on a freshly
 * opened page, before the browser has compiled it to anything faster. With a lookup per key and
 * a closure per range, matching, ordering and marking a cold 10000000 took 56 to 72 ms in
 * Chromium; 17 to 32 ms since (docs/performance.md).
 */
export function matchAmounts<T>(
  results: readonly T[],
  amountsOf: (result: T) => Amounts | null | undefined,
  ranges: readonly AmountBounds[],
  keys: readonly AmountKey[],
): Map<T, AmountKey> {
  const count = ranges.length;
  const mins = ranges.map((r) => r.min ?? -Infinity);
  const maxs = ranges.map((r) => r.max ?? Infinity);
  const byAmount = keys.includes('amount');
  const byEstimate = keys.includes('estimate');
  const matched = new Map<T, AmountKey>();
  for (const result of results) {
    const amounts = amountsOf(result);
    if (!amounts) continue;
    if (byAmount && amounts[0] !== null && inAny(amounts[0], mins, maxs, count))
      matched.set(result, 'amount');
    else if (byEstimate && amounts[1] !== null && inAny(amounts[1], mins, maxs, count))
      matched.set(result, 'estimate');
  }
  return matched;
}

function inAny(yuan: number, mins: readonly number[], maxs: readonly number[], count: number) {
  for (let i = 0; i < count; i++) if (yuan >= mins[i]! && yuan <= maxs[i]!) return true;
  return false;
}
