import type { Dictionary } from '../i18n/dictionary';
import type { SearchState } from './state';

/** The search form: filled from a state, and given the choices only other partitions have. */

export function fillForm(form: HTMLFormElement, state: SearchState): void {
  // Folded filters (on a phone) open when the address sets one: a result set says what filtered it.
  const folded = form.querySelector<HTMLDetailsElement>('#search-filters');
  if (folded)
    folded.open ||=
      Object.entries(state).some(([k, v]) => k !== 'q' && k !== 'sort' && v !== '') ||
      state.sort !== 'relevance';
  for (const [key, value] of Object.entries(state) as [string, string][]) {
    const field = form.elements.namedItem(key);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
      field.value = value;
  }
}

/**
 * Years and departments that only another partition has, added to the
 * filters' choices: the page lists its own partition's, from its model.
 */
export function addMergedOptions(
  form: HTMLFormElement,
  merged: Record<string, Record<string, number>>,
  d: Dictionary,
): void {
  const order = {
    year: (a: string, b: string) => Number(b) - Number(a),
    // As the page orders its own (page-data.ts: Array.prototype.sort).
    department: (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0),
  };
  for (const key of ['year', 'department'] as const) {
    const select = form.elements.namedItem(key);
    if (!(select instanceof HTMLSelectElement)) continue;
    const [any, ...own] = [...select.options];
    const values = new Set([...own.map((o) => o.value), ...Object.keys(merged[key] ?? {})]);
    const options = [...values].sort(order[key]).map((value) => {
      const existing = own.find((o) => o.value === value);
      if (existing) return existing;
      return new Option(key === 'year' ? d.fiscalYear(Number(value)) : value, value);
    });
    select.replaceChildren(any!, ...options);
  }
}
