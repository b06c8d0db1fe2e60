import {
  matchesAmount,
  parseAmountBound,
  parseAmountQuery,
  type AskedAmount,
} from './amount-query';
import { queryTerms } from './exact';
import { AMOUNT_KEYS, type AmountBounds, type AmountKey } from './keys';
import type { PagefindFilters, PagefindResultData } from './pagefind-types';
import { findSectionPassage, findWordPassage, splitSections } from './passage';
import type { ResultView } from './render';
import { writeState, type SearchState } from './state';

/**
 * What a search will do, decided from its state alone, before anything is
 * fetched: the words for Pagefind and the terms every result must hold as
 * typed, the amounts asked for, the filters, the order and the bounds. Pure,
 * so that the browser code (src/search/client.ts) only carries it out.
 */
type Sort = Record<string, 'asc' | 'desc'>;

export type SearchPlan =
  /** Nothing asked: the page shows the form alone. */
  | { kind: 'empty'; query: '' }
  /** A bound that is not an amount: the page says which, and searches nothing. */
  | { kind: 'bad-bounds'; query: string; bad: string[] }
  | {
      kind: 'search';
      /** The state as URL parameters, for the address bar and the language switch. */
      query: string;
      /** The words Pagefind looks up, or null when only amounts or filters were asked. */
      term: string | null;
      /** The terms every result's text must contain as typed (quoted phrases whole). */
      terms: string[];
      /** Amounts in the query (700万, 约2000万): a result's funding or estimate must match one. */
      amounts: AskedAmount[];
      filters: PagefindFilters;
      /** Pagefind's order: by relevance where there are words and the reader left it so, else by amount. */
      sort: Sort | undefined;
      /** The amount bounds (min, max) in yuan, where given. */
      min: number | null;
      max: number | null;
    };

export function planSearch(state: SearchState): SearchPlan {
  const query = writeState(state).toString();
  const min = parseAmountBound(state.min);
  const max = parseAmountBound(state.max);
  const bad = [
    state.min && min === null ? state.min : '',
    state.max && max === null ? state.max : '',
  ].filter(Boolean);
  if (bad.length) return { kind: 'bad-bounds', query, bad };
  if (!query) return { kind: 'empty', query: '' };
  const { text, amounts } = parseAmountQuery(state.q);
  const filters: PagefindFilters = {};
  if (state.year) filters.year = state.year;
  if (state.department) filters.department = state.department;
  if (state.withheld) filters.withheld = state.withheld;
  if (state.band) filters.band = state.band;
  const term = text || null;
  return {
    kind: 'search',
    query,
    term,
    terms: term ? queryTerms(term) : [],
    amounts,
    filters,
    // Relevance is the words' order, or for an amount asked, closeness to it (order.ts); a list
    // with neither is sorted by amount, largest first.
    sort:
      state.sort === 'relevance' && (term || amounts.length > 0)
        ? undefined
        : { amount: state.sort === 'amount-asc' ? 'asc' : 'desc' },
    min,
    max,
  };
}

/**
 * What amounts of results it will not load a plan needs (src/search/result-amounts.ts): every
 * result's, for a list sorted by amount ('all'); for an amount asked or a bound, only those of
 * results whose amount under a key lies in that key's ranges (an amount asked matches this
 * year's amount or the estimate, a bound this year's amount); none (null) for words alone, whose
 * results are all loaded to be checked, and their data carries their amounts.
 */
export type AmountsNeed = 'all' | Record<AmountKey, AmountBounds[]> | null;

export function findAmountsNeed(plan: SearchPlan): AmountsNeed {
  if (plan.kind !== 'search') return null;
  if (plan.sort !== undefined) return 'all';
  const asked: AmountBounds[] = plan.amounts.flatMap((a) => a.ranges);
  const bound = plan.min !== null || plan.max !== null ? [{ min: plan.min, max: plan.max }] : [];
  if (asked.length === 0 && bound.length === 0) return null;
  return { amount: [...asked, ...bound], estimate: asked };
}

/** Where a result lands: the passage with the words, else the section with the amount asked for. */
export function landResult(
  result: PagefindResultData,
  terms: readonly string[],
  amounts: readonly AskedAmount[],
  key: AmountKey | undefined,
  /** The amount under `key`, from the amount table. */
  yuan: number | null = null,
  /** That amount as the text prints it. */
  printed: string | null = null,
): ResultView {
  const sections = splitSections(result.raw_content, result.anchors);
  const ranked = [...result.sub_results]
    .sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
    .map((s) => s.url.split('#')[1] ?? '');
  const amountPassage = key
    ? (findSectionPassage(sections, AMOUNT_KEYS[key]) ?? findSectionPassage(sections, 'funding'))
    : null;
  const passage = terms.length ? findWordPassage(sections, terms, ranked) : amountPassage;
  return {
    passage,
    asked:
      key && yuan !== null
        ? amounts
            .filter((a) => matchesAmount(yuan, a))
            .map((a) => {
              // The range a rounded or approximate figure stood for, where it is one.
              const range = a.ranges.find((r) => yuan >= r.min && yuan <= r.max);
              return {
                asked: a.asked,
                yuan,
                printed,
                section: amountPassage?.title ?? '',
                range: range && range.min !== range.max ? { min: range.min, max: range.max } : null,
              };
            })
        : [],
  };
}
