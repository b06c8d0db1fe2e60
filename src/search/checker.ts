/**
 * Sorts candidates into exact matches and partial ones, in their order, a
 * batch at a time and only as far as asked: checking a result means loading
 * its text, and a broad query over 10,000 projects has thousands of them.
 */
export interface ExactChecker<T> {
  readonly exact: readonly T[];
  readonly partial: readonly T[];
  /** How many candidates have been checked. */
  readonly checked: number;
  /** Checks on until `wanted` exact matches are found, `limit` candidates are checked, or none is left. */
  checkUntil: (wanted: number, limit?: number) => Promise<void>;
}

/**
 * `isExact` null: there is nothing to check (a query without words), and every candidate is exact
 * at once, without a batch or a promise per candidate (an amount alone has thousands).
 */
export function createExactChecker<T>(
  candidates: readonly T[],
  isExact: ((candidate: T) => Promise<boolean>) | null,
  batchSize: number,
): ExactChecker<T> {
  const exact: T[] = isExact ? [] : [...candidates];
  const partial: T[] = [];
  let checked = isExact ? 0 : candidates.length;
  return {
    exact,
    partial,
    get checked() {
      return checked;
    },
    async checkUntil(wanted, limit = Infinity) {
      // Nothing to check: every candidate was exact from the start.
      if (!isExact) return;
      while (checked < Math.min(candidates.length, limit) && exact.length < wanted) {
        const batch = candidates.slice(checked, checked + batchSize);
        checked += batch.length;
        const found = await Promise.all(batch.map(isExact));
        batch.forEach((c, i) => (found[i] ? exact : partial).push(c));
      }
    },
  };
}
