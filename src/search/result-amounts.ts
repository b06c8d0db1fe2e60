import {
  findShards,
  printedAmount,
  readAmountsFilter,
  type AmountKey,
  type Amounts,
  type AmountShards,
  type AmountTable,
} from './keys';
import type { AmountsNeed } from './plan';
import type { PagefindResult, PagefindResultData } from './pagefind-types';

/**
 * Where the search page reads a result's amounts, cheapest first:
 * 1. the result's own data, once loaded (its `amounts` filter, keys.ts): a word query loads the
 *    data of every result it checks, so it needs nothing more;
 * 2. for a query about amounts in ranges, the shards of the amount table that may hold them
 *    (keys.ts, AmountShards): a result in none of them is in none of the ranges;
 * 3. the amount tables (every page's amounts, one file per partition and language), fetched the
 *    first time a query needs every result's amounts (a sort by amount, a list without words),
 *    or where the page has no shards (other partitions' pages are merged in), and kept;
 * 4. for an id two parts give (null in a table or shard), the result's data, loaded for it.
 */
export interface ResultAmounts {
  /** Keeps the amounts a result's loaded data carries. */
  noteData: (result: PagefindResult, data: PagefindResultData) => void;
  /** Starts fetching what a query will need, while other things load. */
  prefetch: (need: AmountsNeed) => void;
  /**
   * Makes known the amounts `need` asks about: of every result ('all'), or of each result whose
   * amount under a key lies in that key's ranges (the others stay unknown: they lie in none).
   */
  ensure: (results: readonly PagefindResult[], need?: AmountsNeed) => Promise<void>;
  /** A result's amounts, once known. */
  of: (result: PagefindResult) => Amounts | undefined;
  /** A result's amount under `key` in yuan; null where withheld, none, or not known yet. */
  yuanOf: (result: PagefindResult, key: AmountKey) => number | null;
  /** A result's amount as its text prints it (1.05亿元). */
  printedOf: (result: PagefindResult, key: AmountKey) => string | null;
}

export function createResultAmounts(options: {
  /** The amount tables' addresses: this site's first, then the other partitions'. */
  tableUrls: readonly string[];
  /** This site's shards and their addresses; null where there are none to use. */
  shards: { ranges: AmountShards; urlOf: (key: AmountKey, shard: number) => string } | null;
  /** Loads a result's data (and passes it to noteData). */
  load: (result: PagefindResult) => Promise<unknown>;
}): ResultAmounts {
  const known = new WeakMap<PagefindResult, Amounts>();
  // The ids two parts give (null in a table or shard), noted as each is read, so that a query over
  // every page looks up only these, not each of its 10,000 results, for data to load (4).
  const shared = new Set<string>();
  const noteShared = (entries: AmountTable) => {
    for (const id in entries) if (entries[id] === null) shared.add(id);
  };
  let table: AmountTable | undefined;
  let tableLoad: Promise<AmountTable> | undefined;
  const fetchTable = async (url: string): Promise<AmountTable> => {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as AmountTable) : {};
  };
  const loadTable = () =>
    (tableLoad ??= Promise.all(options.tableUrls.map(fetchTable)).then((tables) => {
      table = mergeAmountTables(tables);
      noteShared(table);
      return table;
    }));
  // The shards fetched so far, merged: a shard is fetched once.
  const sharded: AmountTable = {};
  const shardLoads = new Map<string, Promise<void>>();
  const loadShards = (need: Exclude<AmountsNeed, 'all' | null>) =>
    Promise.all(
      (Object.keys(need) as AmountKey[]).flatMap((key) =>
        findShards(options.shards!.ranges, key, need[key]).map((shard) => {
          const url = options.shards!.urlOf(key, shard);
          if (!shardLoads.has(url))
            shardLoads.set(
              url,
              fetchTable(url).then((entries) => {
                Object.assign(sharded, entries);
                noteShared(entries);
              }),
            );
          return shardLoads.get(url)!;
        }),
      ),
    );
  /** Whether a need is met by the shards rather than the whole tables. */
  const byShards = (need: AmountsNeed): need is Exclude<AmountsNeed, 'all' | null> =>
    need !== null && need !== 'all' && options.shards !== null && table === undefined;

  const of = (r: PagefindResult) => known.get(r) ?? table?.[r.id] ?? sharded[r.id] ?? undefined;
  return {
    prefetch: (need) => {
      // A failure is met again, and reported, by the query that needs what failed.
      if (byShards(need)) void loadShards(need).catch(() => shardLoads.clear());
      else if (need !== null) loadTable().catch(() => (tableLoad = undefined));
    },
    noteData: (r, data) => {
      const amounts = readAmountsFilter(data.filters);
      if (amounts && !known.has(r)) known.set(r, amounts);
    },
    ensure: async (results, need = 'all') => {
      if (need === null || results.every((r) => of(r) !== undefined)) return;
      if (byShards(need)) await loadShards(need);
      else await loadTable();
      // An id two parts give is null: such a result's own data says its amounts.
      if (shared.size > 0)
        await Promise.all(
          results.filter((r) => !known.has(r) && shared.has(r.id)).map(options.load),
        );
    },
    of,
    yuanOf: (r, key) => of(r)?.[key === 'amount' ? 0 : 1] ?? null,
    printedOf: (r, key) => {
      const amounts = of(r);
      return amounts ? printedAmount(amounts, key) : null;
    },
  };
}

/**
 * One table of the amount tables of this site and the other partitions: an id that two of them
 * give (each part's ids are unique only within it) is null, its amounts read from the result's data.
 */
function mergeAmountTables(tables: readonly AmountTable[]): AmountTable {
  // The site's own table alone (no other partition) is used as it is: copying 10,000 ids cost a cold search 18 ms.
  if (tables.length === 1) return tables[0]!;
  const merged: AmountTable = {};
  for (const table of tables)
    for (const [id, amounts] of Object.entries(table)) merged[id] = id in merged ? null : amounts;
  return merged;
}
