import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AmountShards, AmountTable } from './keys';
import type { PagefindResult, PagefindResultData } from './pagefind-types';
import { createResultAmounts } from './result-amounts';

/**
 * Where the search page reads results' amounts, with the network stubbed: the files a query
 * fetches, and the results whose data it loads (only those whose id two parts give).
 */
describe('createResultAmounts', () => {
  afterEach(() => vi.unstubAllGlobals());

  const results = (ids: readonly string[]): PagefindResult[] =>
    ids.map((id) => ({
      id,
      score: 0,
      data: () => Promise.reject(new Error('not loaded in this test')),
    }));

  /** Serves `files` by URL and records what was fetched. */
  const serve = (files: Record<string, AmountTable>) => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      const body = files[url];
      return Promise.resolve(
        body ? new Response(JSON.stringify(body)) : new Response('', { status: 404 }),
      );
    });
    return fetched;
  };

  const shards: AmountShards = {
    amount: [
      [1_000_000, 9_999_999],
      [10_000_000, 30_000_000],
    ],
    estimate: [[1_000_000, 30_000_000]],
  };
  const setUp = (files: Record<string, AmountTable>) => {
    const fetched = serve(files);
    const loaded: string[] = [];
    const amounts = createResultAmounts({
      tableUrls: ['table'],
      shards: { ranges: shards, urlOf: (key, i) => `${key}-${i}` },
      load: (r) => (loaded.push(r.id), Promise.resolve()),
    });
    return { amounts, fetched, loaded };
  };

  it('reads an amount query from the shards that may hold it, and loads no result', async () => {
    const { amounts, fetched, loaded } = setUp({
      'amount-1': { a: [20_000_000, null, 2020], b: [15_000_000, 25_000_000, 2021] },
      'estimate-0': { b: [15_000_000, 25_000_000, 2021], c: [2_000_000, 19_000_000, 2020] },
    });
    const rs = results(['a', 'b', 'c', 'd']);
    const need = {
      amount: [{ min: 15_000_000, max: 24_999_999 }],
      estimate: [{ min: 15_000_000, max: 24_999_999 }],
    };
    await amounts.ensure(rs, need);
    expect(fetched.sort()).toEqual(['amount-1', 'estimate-0']);
    expect(loaded).toEqual([]);
    expect(amounts.yuanOf(rs[0]!, 'amount')).toBe(20_000_000);
    expect(amounts.yuanOf(rs[2]!, 'estimate')).toBe(19_000_000);
    expect(amounts.of(rs[3]!)).toBeUndefined();
  });

  it('loads the data of a result whose id two parts give, and only of that one', async () => {
    const { amounts, loaded } = setUp({
      'amount-1': { a: [20_000_000, null, 2020], x: null },
      'estimate-0': { x: null },
    });
    const rs = results(['a', 'x', 'y']);
    await amounts.ensure(rs, { amount: [{ min: 15_000_000, max: 24_999_999 }], estimate: [] });
    expect(loaded).toEqual(['x']);
    // Once its data is known, it is not loaded again.
    amounts.noteData(rs[1]!, {
      filters: { amounts: ['[16000000,null,2022]'] },
    } as unknown as PagefindResultData);
    await amounts.ensure(rs, { amount: [{ min: 15_000_000, max: 24_999_999 }], estimate: [] });
    expect(loaded).toEqual(['x']);
    expect(amounts.yuanOf(rs[1]!, 'amount')).toBe(16_000_000);
  });

  it('reads every amount from the whole table, with the same rule for shared ids', async () => {
    const { amounts, fetched, loaded } = setUp({
      table: { a: [20_000_000, null, 2020], b: [3_000_000, 4_000_000, 2021], x: null },
    });
    const rs = results(['b', 'x', 'a']);
    await amounts.ensure(rs);
    expect(fetched).toEqual(['table']);
    expect(loaded).toEqual(['x']);
    expect(amounts.yuanOf(rs[0]!, 'amount')).toBe(3_000_000);
    // Every amount known: nothing more is fetched or loaded.
    await amounts.ensure([rs[0]!, rs[2]!]);
    expect(fetched).toEqual(['table']);
    expect(loaded).toEqual(['x']);
  });
});
