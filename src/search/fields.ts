import type { Locale } from '../domain/locales';
import { bandOf } from './bands';
import { projectText, publicationText } from '../model/localize';
import type { Project } from '../model/types';
import { isWithheld } from '../schema/withheld';
import type { AmountKey } from './keys';

/**
 * Pagefind filter keys; the search page and URL parameters use the same names.
 * Amounts are not a filter: an amount query is a range over the sort keys (see client.ts).
 */
type FilterKey = 'year' | 'department' | 'withheld' | 'band';

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
  const estimate = published && !isWithheld(published) ? String(published.amountYuan) : NO_AMOUNT;
  return {
    meta: { unit },
    filters: {
      year,
      department,
      withheld: project.sectionsWithheld > 0 ? 'yes' : 'no',
      band: project.amountYuan === null ? 'withheld' : bandOf(project.amountYuan).code,
    },
    sort: { amount, estimate },
  };
}
