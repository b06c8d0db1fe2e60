/**
 * Each value's share of the total, in percent rounded to `decimals` places by
 * the largest-remainder method, so that the shares shown always add up to
 * exactly 100 (a reader adding up 17.4 + 50.2 + 32.4 should get 100.0).
 * Works in integer units of 10^-decimals percent, so there is no float drift.
 */
export function shares(values: readonly number[], decimals = 1): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total <= 0) return values.map(() => 0);
  const units = 100 * 10 ** decimals;
  const exact = values.map((v) => (v / total) * units);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((sum, v) => sum + v, 0);
  const byRemainder = exact
    .map((v, i) => ({ i, r: v - floors[i]! }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((v) => v / 10 ** decimals);
}
