import { t } from '../i18n';
import { isLocale, type Locale } from '../domain/locales';
import { formatAmountText } from '../domain/amount';
import { parseAmountBound, parseAmountQuery } from './amount-query';
import type {
  Pagefind,
  PagefindFilters,
  PagefindResult,
  PagefindResultData,
} from './pagefind-types';
import { containsAll, queryTerms } from './exact';
import { rangeSlice } from './range';
import { readState, writeState, type SearchState } from './state';

/** Results rendered per "show more". */
const PAGE_SIZE = 10;

/**
 * The search page in the browser: the form and the URL hold the state, the
 * index is Pagefind's. Loads only what a query needs: Pagefind's chunks for
 * the words, and result fragments for the results shown (plus ~log2 n for a range).
 */
export async function startSearch(form: HTMLFormElement): Promise<void> {
  const locale: Locale = isLocale(form.dataset.locale) ? form.dataset.locale : 'zh';
  const base = form.dataset.base ?? '/';
  const d = t(locale);
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const partialBox = document.querySelector<HTMLDetailsElement>('#search-partial')!;
  const partialSummary = partialBox.querySelector('summary')!;
  const partialList = partialBox.querySelector('ol')!;

  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  await pagefind.init();

  const data = new Map<string, Promise<PagefindResultData>>();
  const load = (result: PagefindResult) => {
    if (!data.has(result.id)) data.set(result.id, result.data());
    return data.get(result.id)!;
  };

  let generation = 0;
  const run = async (state: SearchState) => {
    const mine = ++generation;
    fillForm(form, state);
    list.replaceChildren();
    more.hidden = true;
    partialBox.hidden = true;
    const min = parseAmountBound(state.min);
    const max = parseAmountBound(state.max);
    const bad = [
      state.min && min === null ? state.min : '',
      state.max && max === null ? state.max : '',
    ].filter(Boolean);
    if (bad.length) {
      status.textContent = bad.map(d.search.badBound).join(' ');
      return;
    }
    if (!writeState(state).toString()) {
      status.textContent = '';
      return;
    }
    status.textContent = d.search.loading;

    const { text, amounts } = parseAmountQuery(state.q);
    const filters: PagefindFilters = {};
    if (state.year) filters.year = state.year;
    if (state.department) filters.department = state.department;
    if (state.withheld) filters.withheld = state.withheld;
    if (state.band) filters.band = state.band;
    if (amounts.length) filters.amount = { any: amounts.flat().map(String) };
    const term = text || null;
    const sort =
      state.sort === 'relevance' && term
        ? undefined
        : ({ amount: state.sort === 'amount-asc' ? 'asc' : 'desc' } as const);

    let results = (await pagefind.search(term, { filters, ...(sort ? { sort } : {}) })).results;
    if (min !== null || max !== null) {
      const ascending =
        sort?.amount === 'asc'
          ? results
          : (await pagefind.search(term, { filters, sort: { amount: 'asc' } })).results;
      const [start, end] = await rangeSlice(
        ascending.length,
        async (i) => Number((await load(ascending[i]!)).meta.amount),
        min,
        max,
      );
      const inRange = new Set(ascending.slice(start, end).map((r) => r.id));
      results = results.filter((r) => inRange.has(r.id));
    }
    // Exact by default: a result counts only where its text has every term as typed (Pagefind matches word pieces).
    let partial: PagefindResult[] = [];
    if (term) {
      const terms = queryTerms(term);
      const checked = await Promise.all(
        results.map(async (r) => ({ r, exact: containsAll((await load(r)).content, terms) })),
      );
      partial = checked.filter((c) => !c.exact).map((c) => c.r);
      results = checked.filter((c) => c.exact).map((c) => c.r);
    }
    if (mine !== generation) return;
    partialBox.hidden = partial.length === 0;
    partialBox.open = false;
    partialSummary.textContent = d.search.partial(partial.length);
    partialList.replaceChildren(
      ...(await Promise.all(partial.map(async (r) => renderResult(await load(r), locale)))),
    );
    if (mine !== generation) return;

    let shown = 0;
    const showMore = async () => {
      const batch = results.slice(shown, shown + PAGE_SIZE);
      const items = await Promise.all(batch.map(async (r) => renderResult(await load(r), locale)));
      if (mine !== generation) return;
      shown += batch.length;
      list.append(...items);
      more.hidden = shown >= results.length;
    };
    more.onclick = () => void showMore();
    await showMore();
    // The count is announced only once the first results are on the page, so
    // that "n results" never describes an empty list.
    if (mine !== generation) return;
    status.textContent =
      term && results.length === 0
        ? d.search.noExact(state.q.trim())
        : d.search.count(results.length);
  };

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
  await run(readState(new URLSearchParams(location.search)));
}

function fillForm(form: HTMLFormElement, state: SearchState): void {
  for (const [key, value] of Object.entries(state)) {
    const field = form.elements.namedItem(key);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
      field.value = value;
  }
}

function amountText(yuan: number, locale: Locale): string {
  return Number.isSafeInteger(yuan) && yuan > 0 ? formatAmountText(yuan, locale) : '';
}

/** Pagefind excerpts are HTML with <mark>; copy only text and <mark>, so nothing else can reach the page. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) => {
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.append(...children);
  return el;
}

function renderResult(result: PagefindResultData, locale: Locale): HTMLLIElement {
  const d = t(locale);
  const { meta } = result;
  const link = element('a', '', meta.title ?? result.url);
  link.href = result.url;
  const facts = [
    amountText(Number(meta.amount), locale),
    meta.unit,
    meta.year ? d.fiscalYear(Number(meta.year)) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // The sub-result with the most matches that has its own anchor is the deep link into the page.
  const anchored = result.sub_results.filter((s) => s.url.includes('#'));
  const best = [...anchored].sort(
    (a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0),
  )[0];
  const item = element(
    'li',
    'result',
    element('h2', 'result-title', link),
    element('p', 'result-facts', facts),
  );
  item.append(element('p', 'result-excerpt', ...excerptNodes(best?.excerpt ?? result.excerpt)));
  if (best) {
    const deep = element('a', 'result-section', best.title);
    deep.href = best.url;
    item.append(element('p', 'result-deep-link', `${d.search.inSection}${d.colon}`, deep));
  }
  return item;
}
