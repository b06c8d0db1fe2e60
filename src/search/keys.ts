import { formatWan } from '../domain/amount';
import type { Locale } from '../domain/locales';

/**
 * Names the project pages give Pagefind and the search page reads back. Kept
 * apart from fields.ts, which reads the model: the browser bundle imports
 * only this.
 */

/** Pagefind's language code for each locale: the page's <html lang>, lowercased. */
export const PAGEFIND_LANGUAGE: Record<Locale, string> = { zh: 'zh-cn', en: 'en' };

/** The amounts an amount query is matched against (sort keys), and the section each is published in. */
export const AMOUNT_KEYS = { amount: 'funding', estimate: 'estimate' } as const;
export type AmountKey = keyof typeof AMOUNT_KEYS;

/**
 * A project's amounts in yuan: this year's, the estimate (null: none, or withheld), and the
 * fiscal year; then each as the text prints it, where that is not the site's own 万元 form
 * (1.05亿元, 2360000元; most bureaus print 700万元, which the table leaves out to stay small).
 */
export type Amounts =
  | [number | null, number | null, number]
  | [number | null, number | null, number, string | null, string | null];

/** The amounts with the printed forms the site's own 万元 form does not already give. */
export function composeAmounts(
  amount: number | null,
  estimate: number | null,
  year: number,
  printed: [string | null, string | null],
): Amounts {
  const own = (yuan: number | null, text: string | null) =>
    text === null || yuan === null || text === formatWan(yuan) ? null : text;
  const [a, e] = [own(amount, printed[0]), own(estimate, printed[1])];
  return a === null && e === null ? [amount, estimate, year] : [amount, estimate, year, a, e];
}

/** A figure as the text prints it, from the table: its own string, else the 万元 form it printed. */
export function printedAmount(amounts: Amounts, key: AmountKey): string | null {
  const yuan = amounts[key === 'amount' ? 0 : 1];
  if (yuan === null) return null;
  return (amounts.length === 5 ? amounts[key === 'amount' ? 3 : 4] : null) ?? formatWan(yuan);
}

/**
 * The Pagefind filter that carries a page's amounts into its result data (the fragment), so that
 * a result the page loads anyway says its amounts without the amount table: a word query fetches
 * no table. A filter, not metadata: Pagefind indexes metadata values as words, and a query for
 * 15236800 would match every page of that amount by its hidden metadata. Its filter index is
 * never fetched (no query filters by it).
 */
export const AMOUNTS_FILTER = 'amounts';

/** A page's amounts as the filter's value. */
export const writeAmountsFilter = (amounts: Amounts): string => JSON.stringify(amounts);

/** The amounts in a result's filters, if its page carries them. */
export function readAmountsFilter(
  filters: Readonly<Record<string, readonly string[]>> | undefined,
): Amounts | undefined {
  const value = filters?.[AMOUNTS_FILTER]?.[0];
  if (value === undefined) return undefined;
  try {
    const amounts = JSON.parse(value) as unknown;
    return Array.isArray(amounts) && (amounts.length === 3 || amounts.length === 5)
      ? (amounts as Amounts)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A project's line in data/index.json, as far as its amounts go. */
export interface IndexAmountRecord {
  amountYuan: number | null;
  estimateYuan: number | null;
  amountPublished: string | null;
  estimatePublished: string | null;
  fiscalYear: number;
}

/**
 * A line of data/index.json's amounts, as the amount table gives them: the same as its full
 * record's (tests/build/open-data.test.ts). The build reads this file: 8 MB at 10,000 projects,
 * against 104 MB for disclosures.json, which took the index step 0.8 s and 340 MB to parse.
 */
export const readIndexAmounts = (record: IndexAmountRecord): Amounts =>
  composeAmounts(record.amountYuan, record.estimateYuan, record.fiscalYear, [
    record.amountPublished,
    record.estimatePublished,
  ]);

/**
 * A language's amount table, beside its index: Pagefind page id → the page's amounts, the
 * fiscal year among them so that a result set's sum is never taken across years. Page ids are
 * short hashes, unique within one part of the index but not across parts: an id that two parts
 * give is null, and the search page reads such a page's amounts from its result data. Written by
 * src/search/build-index.ts.
 */
export type AmountTable = Record<string, Amounts | null>;

/** The amount table's file name in the index's folder. */
export const amountTableFile = (locale: Locale) => `amounts.${PAGEFIND_LANGUAGE[locale]}.json`;

/**
 * The amount table again in shards by value, one series per amount key, so that a query about
 * one amount fetches the few shards that may hold it rather than the whole table (at 10,000
 * projects, about 120 KB compressed). Each shard is an amount table of the pages whose amount
 * under that key lies between its least and greatest value, and of every page whose id two parts
 * give (null: its own data says its amounts). The search form carries, for each key, every
 * shard's least and greatest value, in order (`data-amount-shards`).
 */
export type AmountShards = Record<AmountKey, [number, number][]>;

/** A shard's file name in the index's folder. */
export const amountShardFile = (locale: Locale, key: AmountKey, shard: number) =>
  `amounts.${PAGEFIND_LANGUAGE[locale]}.${key}-${shard}.json`;

/** The shards, as the search form carries them; null where it carries none (no index, or a site built before them). */
export function readAmountShards(attribute: string | undefined): AmountShards | null {
  if (!attribute) return null;
  try {
    const shards = JSON.parse(attribute) as Partial<AmountShards>;
    return Array.isArray(shards.amount) && Array.isArray(shards.estimate)
      ? { amount: shards.amount, estimate: shards.estimate }
      : null;
  } catch {
    return null;
  }
}

/** Amounts in yuan from `min` to `max`; a bound left out (null) is open. */
export interface AmountBounds {
  min: number | null;
  max: number | null;
}

/** The shards of a key that may hold an amount within one of the bounds. */
export function findShards(
  shards: AmountShards,
  key: AmountKey,
  ranges: readonly AmountBounds[],
): number[] {
  return shards[key].flatMap(([least, greatest], i) =>
    ranges.some(
      ({ min, max }) => (min === null || min <= greatest) && (max === null || max >= least),
    )
      ? [i]
      : [],
  );
}

/** The list of the index's parts in its folder, for other partitions' search pages (SEARCH_PARTITIONS). */
export const INDEX_PARTS_FILE = 'parts.json';

/**
 * One part of the index, as the search page reads it: its folder below the index's (`2020/`)
 * and its entry file's cache tag. Written by src/search/build-index.ts.
 */
export interface IndexPartRef {
  path: string;
  tag: string;
}
