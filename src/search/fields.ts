import type { Locale } from '../domain/locales';
import { bandOf } from './bands';
import { projectText, publicationText } from '../model/localize';
import type { Project } from '../model/types';
import { isWithheld } from '../schema/withheld';
import { AMOUNTS_FILTER, composeAmounts, writeAmountsFilter, type AmountKey } from './keys';

/**
 * Pagefind filter keys; the search page and URL parameters use the same names. The amounts are
 * one too, only to reach the result data (keys.ts, AMOUNTS_FILTER): an amount query is a range
 * over the amount table, never a filter.
 */
type FilterKey = 'year' | 'department' | 'withheld' | 'band' | typeof AMOUNTS_FILTER;

/** What a project page gives Pagefind: result metadata, exact-match filters and the sort keys. */
export interface SearchFields {
  /**
   * Pagefind indexes metadata values as words: only what readers search is metadata (the unit).
   * The title is Pagefind's own, the page's h1 (the project's name); amounts come from the amount
   * table (src/search/build-index.ts), the year and department from the filters, the data file
   * from the page's address.
   */
  meta: {
    unit: string;
  };
  filters: Record<FilterKey, string>;
  sort: Record<AmountKey, string>;
}

/** Withheld amounts sort below every disclosed one (Pagefind drops pages that lack a sort key). */
const NO_AMOUNT = '-1';

export function searchFields(project: Project, locale: Locale): SearchFields {
  const text = projectText(project, locale);
  const unit = isWithheld(text.implementingUnit) ? '' : text.implementingUnit.unit;
  const department = publicationText(project.publication, locale).department;
  const year = String(project.publication.data.fiscalYear);
  const amount = project.amountYuan === null ? NO_AMOUNT : String(project.amountYuan);
  const published = project.original.plan.estimate;
  const shown = published && !isWithheld(published) ? published : null;
  const estimate = shown ? String(shown.amountYuan) : NO_AMOUNT;
  const funding = project.original.funding;
  // As data/index.json gives them, from which the amount table is built (tests/build/search-index.test.ts).
  const amounts = composeAmounts(project.amountYuan, shown?.amountYuan ?? null, Number(year), [
    isWithheld(funding) ? null : funding.published,
    shown?.published ?? null,
  ]);
  return {
    meta: { unit },
    filters: {
      year,
      department,
      withheld: project.sectionsWithheld > 0 ? 'yes' : 'no',
      band: project.amountYuan === null ? 'withheld' : bandOf(project.amountYuan).code,
      [AMOUNTS_FILTER]: writeAmountsFilter(amounts),
    },
    sort: { amount, estimate },
  };
}
