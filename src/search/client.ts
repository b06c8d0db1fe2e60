import { isLocale, LOCALES, type Locale } from '../domain/locales';
import { pageUrl } from '../domain/urls';
import { matchAmounts } from './amount-match';
import { exactFormOf } from './amount-query';
import { createExactChecker } from './checker';
import { containsAll } from './exact';
import { wireExportButtons, type Exportable } from './export-buttons';
import { addMergedOptions, fillForm } from './form';
import { countInOtherLanguage, loadDictionary, openIndex, readIndexParts } from './index-open';
import {
  AMOUNT_KEYS,
  amountShardFile,
  amountTableFile,
  readAmountShards,
  type AmountKey,
} from './keys';
import { orderByAmount, orderByCloseness } from './order';
import type { PagefindFilters, PagefindResult, PagefindResultData } from './pagefind-types';
import { findAmountsNeed, landResult, planSearch } from './plan';
import { amountText, renderResult } from './render';
import { createResultAmounts } from './result-amounts';
import { readState, writeState, type SearchState } from './state';

/** Results rendered per "show more". */
const PAGE_SIZE = 10;
/**
 * Results whose text is checked at once for the exact query: a page's worth, so the first page
 * waits for no more fragments than it can show (at 10,000 projects, batches of 10 answered word
 * queries sooner than batches of 20: docs/performance.md).
 */
const CHECK_BATCH = PAGE_SIZE;
/**
 * Candidates checked before the count is given as "at least": two pages' worth. Each check fetches
 * a result's data; at 10,000 projects, checking 60 made a cold search fetch 136 KB more than
 * Pagefind alone does (docs/performance.md).
 */
const CHECK_LIMIT = 2 * PAGE_SIZE;
/** Partial matches listed in their folded group; the summary gives the full count. */
const PARTIAL_SHOWN = 50;

/**
 * The search page in the browser: the form and the URL hold the state, the
 * index is Pagefind's. Loads only what a query needs: Pagefind's chunks for
 * the words, result fragments for the results shown and checked (which carry
 * their amounts), and, for a query about amounts, the language's amount table
 * (every project's amounts, one file, fetched once: result-amounts.ts).
 */
export async function startSearch(form: HTMLFormElement): Promise<void> {
  const locale: Locale = isLocale(form.dataset.locale) ? form.dataset.locale : 'zh';
  const base = form.dataset.base ?? '/';
  // The index's parts, by fiscal year (src/search/build-index.ts): none on a site with no project yet.
  const parts = readIndexParts(form.dataset.pagefindParts ?? '');
  const partitions = (form.dataset.partitions ?? '').split(' ').filter(Boolean);
  // Pagefind starts at once, while the page's own language's strings load (the other's would be
  // a third of the script) and, for a shared link that asks about amounts, the amount table.
  const opening = parts.length > 0 ? openIndex(base, locale, parts, partitions) : null;
  const dictionary = loadDictionary(locale);
  // By result, not by id: two parts' pages may share an id (Pagefind caches each part's fragments).
  const data = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  const load = (result: PagefindResult) => {
    if (!data.has(result))
      data.set(
        result,
        result.data().then((loaded) => (resultAmounts.noteData(result, loaded), loaded)),
      );
    return data.get(result)!;
  };
  // Results' amounts: from their data where loaded, else from the amount tables, fetched the
  // first time a query needs them (a word query never does).
  const shards = readAmountShards(form.dataset.amountShards);
  const resultAmounts = createResultAmounts({
    tableUrls: [base, ...partitions].map(
      (b) => new URL(`${b}pagefind/${amountTableFile(locale)}`, location.href).href,
    ),
    // Only this site's own: another partition's shards are not in this page.
    shards:
      shards && partitions.length === 0
        ? {
            ranges: shards,
            urlOf: (key, shard) =>
              new URL(`${base}pagefind/${amountShardFile(locale, key, shard)}`, location.href).href,
          }
        : null,
    load,
  });
  const linked = location.search
    ? planSearch(readState(new URLSearchParams(location.search)))
    : null;
  if (opening && linked) resultAmounts.prefetch(findAmountsNeed(linked));

  const d = await dictionary;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const partialBox = document.querySelector<HTMLDetailsElement>('#search-partial')!;
  const partialSummary = partialBox.querySelector('summary')!;
  const partialList = partialBox.querySelector('ol')!;
  const other = document.querySelector<HTMLElement>('#search-other')!;
  const exportBox = document.querySelector<HTMLElement>('#search-export')!;
  const breakdownBox = document.querySelector<HTMLElement>('#search-breakdown')!;
  // Below the results, so that on a phone the first result still starts on the first screen.
  const totalsBox = document.querySelector<HTMLElement>('#search-totals')!;
  const switchLink = document.querySelector<HTMLAnchorElement>('a.language-switch');
  if (!opening) {
    status.textContent = d.search.noIndex;
    return;
  }
  const pagefind = await opening;
  if (partitions.length > 0) addMergedOptions(form, await pagefind.filters(), d);
  /** The base of the partition a result's page is in: the longest that starts its path. */
  const baseOfPage = (url: string) =>
    [base, ...partitions]
      .filter((b) => new URL(url, location.href).pathname.startsWith(b))
      .reduce((a, b) => (b.length > a.length ? b : a), base);
  /** A project's data file mirrors its page's address, without the language (src/data/records.ts). */
  const dataFileOf = (url: string) => {
    const pageBase = baseOfPage(url);
    const path = new URL(url, location.href).pathname.slice(pageBase.length);
    const page = LOCALES.reduce(
      (p, l) =>
        localePrefixOf(l) && p.startsWith(localePrefixOf(l))
          ? p.slice(localePrefixOf(l).length)
          : p,
      path,
    );
    return `${pageBase}data/${page.replace(/\/$/, '')}.json`;
  };

  const { yuanOf: amountOf, printedOf, of: amountsOf } = resultAmounts;
  // Never Pagefind's sort: a list sorted by amount is sorted here, from the amount table, as one list
  // across parts (order.ts), and Pagefind sorting every page first cost an amount query over
  // 10,000 projects 110 ms of its 130.
  const search = async (term: string | null, filters: PagefindFilters) =>
    (await pagefind.search(term, { filters })).results;

  let generation = 0;
  let exportable: Exportable = {
    results: () => Promise.resolve([]),
    search: '',
  };
  const run = async (state: SearchState) => {
    const mine = ++generation;
    fillForm(form, state);
    list.replaceChildren();
    more.hidden = true;
    partialBox.hidden = true;
    other.hidden = true;
    exportBox.hidden = true;
    breakdownBox.hidden = true;
    totalsBox.hidden = true;
    const plan = planSearch(state);
    // The other language's search page shows the same results: same query, same filters.
    if (switchLink) switchLink.search = plan.query ? `?${plan.query}` : '';
    if (plan.kind === 'bad-bounds') {
      status.textContent = plan.bad.map(d.search.badBound).join(' ');
      return;
    }
    if (plan.kind === 'empty') {
      status.textContent = '';
      return;
    }
    status.textContent = d.search.loading;
    const { term, terms, amounts, filters, sort, min, max } = plan;
    // Fetched while Pagefind searches, where the plan will need it.
    const need = findAmountsNeed(plan);
    resultAmounts.prefetch(need);

    let results = await search(term, filters);
    if (amounts.length || min !== null || max !== null) await resultAmounts.ensure(results, need);
    // An asked amount matches this year's funding or the estimated investment; the first that matches is where the link lands.
    let matchedKey = new Map<PagefindResult, AmountKey>();
    if (amounts.length) {
      const ranges = amounts.flatMap((a) => a.ranges);
      matchedKey = matchAmounts(
        results,
        amountsOf,
        ranges,
        Object.keys(AMOUNT_KEYS) as AmountKey[],
      );
      results = results.filter((r) => matchedKey.has(r));
      // By closeness to the figure typed, the figure itself first: 2000万 finds 20,000,000, then
      // 20,129,500 before 15,236,800 (trailing zeros are its precision).
      results = orderByCloseness(
        results,
        (r) => amountOf(r, matchedKey.get(r)!),
        ranges.map((range) => range.value),
      );
    }
    if (min !== null || max !== null) {
      const bounded = matchAmounts(results, amountsOf, [{ min, max }], ['amount']);
      results = results.filter((r) => bounded.has(r));
      // A range asks about this year's amount: without words, a result lands on the sentence
      // that states it (本年度预算安排为…), not on a run of the page's first lines.
      for (const r of results) if (!matchedKey.has(r)) matchedKey.set(r, 'amount');
    }
    // Pagefind sorts each part of a merged index apart: sorted again here, as one list, before
    // anything is shown or exported.
    if (sort?.amount) {
      await resultAmounts.ensure(results);
      results = orderByAmount(results, (r) => amountOf(r, 'amount'), sort.amount);
    }
    // Exact by default: a result counts only where its text has every term as typed (Pagefind
    // matches word pieces). That needs each result's text, so results are checked in Pagefind's
    // order, a batch at a time: the first page shows as soon as it is full, the rest follow.
    const candidates = results;
    // Without words every candidate is exact, and checking loads nothing.
    const checker = createExactChecker(
      candidates,
      terms.length ? async (r) => containsAll((await load(r)).content, terms) : null,
      CHECK_BATCH,
    );
    const { exact, partial } = checker;

    const show = async (r: PagefindResult) => {
      const result = await load(r);
      await resultAmounts.ensure([r]);
      const key = matchedKey.get(r);
      return renderResult(
        result,
        landResult(
          result,
          terms,
          amounts,
          key,
          key ? amountOf(r, key) : null,
          key ? printedOf(r, key) : null,
        ),
        locale,
        d,
        amountOf(r, 'amount'),
        printedOf(r, 'amount'),
      );
    };
    let shown = 0;
    // A page of results, shown as each batch is checked: the first results appear as soon as one
    // batch has found them, not once a whole page of exact matches is found (a broad Chinese
    // query's pieces match many pages the check then leaves out).
    const showMore = async () => {
      const end = shown + PAGE_SIZE;
      while (shown < end) {
        await checker.checkUntil(shown + 1);
        const batch = exact.slice(shown, end);
        if (batch.length === 0) break;
        const items = await Promise.all(batch.map(show));
        if (mine !== generation) return;
        shown += batch.length;
        list.append(...items);
        if (shown < end && checker.checked < candidates.length)
          status.textContent = d.search.checking(exact.length, candidates.length - checker.checked);
      }
      more.hidden = shown >= exact.length && checker.checked >= candidates.length;
    };
    more.onclick = () => void showMore();
    await showMore();
    if (mine !== generation) return;
    // The count is announced only once the first results are on the page, so that "n results"
    // never describes an empty list; while results are still being checked, it says so.
    // Checked on without being asked up to CHECK_LIMIT candidates; beyond that (a broad query over
    // thousands of projects), "show more" and the export check further, and the count says "at least".
    while (checker.checked < Math.min(candidates.length, CHECK_LIMIT)) {
      status.textContent = d.search.checking(exact.length, candidates.length - checker.checked);
      await checker.checkUntil(exact.length + CHECK_BATCH, CHECK_LIMIT);
      if (mine !== generation) return;
    }
    more.hidden = shown >= exact.length && checker.checked >= candidates.length;
    partialBox.hidden = partial.length === 0;
    partialBox.open = false;
    partialSummary.textContent = d.search.partial(partial.length);
    partialList.replaceChildren(...(await Promise.all(partial.slice(0, PARTIAL_SHOWN).map(show))));
    if (mine !== generation) return;
    const unchecked = candidates.length - checker.checked;
    // The count, and the sum of the results' published amounts for each fiscal year (years are
    // never added together), those whose amount is withheld said apart.
    const totals = new Map<number, number>();
    let withoutAmount = 0;
    await resultAmounts.ensure(exact);
    if (mine !== generation) return;
    for (const r of exact) {
      const [yuan, , year] = amountsOf(r) ?? [null, null, 0];
      if (yuan === null) withoutAmount++;
      else totals.set(year, (totals.get(year) ?? 0) + yuan);
    }
    status.textContent =
      unchecked > 0
        ? d.search.countSoFar(exact.length, unchecked)
        : term && exact.length === 0
          ? d.search.noExact(state.q.trim())
          : d.search.countWithTotal(
              exact.length,
              [...totals]
                .sort(([a], [b]) => b - a)
                .map(([year, yuan]) => ({ year, total: amountText(yuan, locale) })),
              withoutAmount,
            );
    // A rounded figure (2000万) found what rounds to it: offer the figure itself (2000万元整).
    const offer = amounts
      .map((a) => ({ asked: a.asked, exact: exactFormOf(a) }))
      .find((a) => a.exact !== null);
    if (offer && unchecked === 0) {
      const link = document.createElement('a');
      link.className = 'search-exactly';
      link.href = `?${writeState({ ...state, q: state.q.replace(offer.asked, offer.exact!) }).toString()}`;
      link.textContent = d.search.onlyExactly(offer.exact!);
      status.append(' ', link);
    }
    exportable = {
      results: async () => {
        await checker.checkUntil(Infinity);
        return exact;
      },
      search: location.href,
    };
    exportBox.hidden = exact.length === 0;
    totalsBox.hidden = exact.length === 0;
    if (unchecked > 0) return;
    if (exact.length === 0 && terms.length && switchLink) {
      const found = await countInOtherLanguage(
        pagefind,
        base,
        parts,
        locale,
        term!,
        filters,
        terms,
      );
      if (mine !== generation || found === 0) return;
      other.querySelector('span')!.textContent = d.search.otherLanguage(found);
      other.querySelector('a')!.href = switchLink.href;
      other.hidden = false;
    }
  };

  wireExportButtons({
    boxes: [exportBox, totalsBox],
    breakdownBox,
    d,
    locale,
    exportable: () => exportable,
    dataFileOf: async (r) => dataFileOf((await load(r)).url),
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = readState(
      new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
    );
    const query = writeState(state).toString();
    history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    void run(state);
  });
  window.addEventListener(
    'popstate',
    () => void run(readState(new URLSearchParams(location.search))),
  );
  // A shared link runs its search. Without one, the form stays as it is: a reader who typed while
  // the index loaded keeps the words (running the empty state would clear them before Enter).
  if (location.search) await run(readState(new URLSearchParams(location.search)));
}

/** A language's prefix below the base: '' for Chinese, 'en/' for English. */
const localePrefixOf = (locale: Locale) => pageUrl('/', locale).slice(1);
