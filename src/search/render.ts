import type { Dictionary } from '../i18n/dictionary';
import type { Locale } from '../domain/locales';
import { formatAmountText, formatYuan, toMillions, toWan } from '../domain/amount';
import type { PagefindResultData } from './pagefind-types';
import { dropHeadingStops, type ExcerptPart, type Passage } from './passage';

/** What a result shows beyond Pagefind's data: where it lands, and the amounts asked for. */
export interface ResultView {
  passage: Passage | null;
  /** Each amount asked for that this result matched: as typed, the figure in yuan, and where it is published. */
  asked: {
    asked: string;
    yuan: number;
    section: string;
    /** The figure as the text prints it (null: not known, and the site's own notation is shown). */
    printed: string | null;
    /** The yuan a rounded or approximate figure stands for, both ends included; null for an exact one. */
    range: { min: number; max: number } | null;
  }[];
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

export function amountText(yuan: number, locale: Locale): string {
  return Number.isSafeInteger(yuan) && yuan > 0 ? formatAmountText(yuan, locale) : '';
}

/**
 * A published figure as a journalist may quote it: the text's own string (1.05亿元, 2360000元),
 * the yuan it is beside it. Both languages quote the Chinese: it is what the text says.
 */
function quoteAmount(printed: string, yuan: number, locale: Locale): string {
  return locale === 'zh' ? `${printed}（${formatYuan(yuan)}）` : `${printed} (${formatYuan(yuan)})`;
}

/**
 * The range a rounded or approximate figure stood for, as a reader says it: 2000万 is
 * 1500万–2500万元, 20 million is 15–25 million (the upper end the first amount beyond it).
 */
function rangeText(range: { min: number; max: number }, locale: Locale): string {
  const upper = range.max + 1;
  return locale === 'zh'
    ? `${toWan(range.min)}万–${toWan(upper)}万元`
    : `${toMillions(range.min)}–${toMillions(upper)} million`;
}

/** Excerpt runs as text and <mark> nodes: nothing from the index is ever parsed as HTML. */
function excerptNodes(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    return mark;
  });
}

/** Pagefind's own excerpt (HTML with <mark>), copied as text and <mark> only. */
function pagefindExcerpt(excerpt: string): ExcerptPart[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) => ({
    text: dropHeadingStops(node.textContent ?? ''),
    mark: node instanceof HTMLElement && node.tagName === 'MARK',
  }));
}

/** One result: the link lands on the passage, whose excerpt is shown. */
export function renderResult(
  result: PagefindResultData,
  view: ResultView,
  locale: Locale,
  d: Dictionary,
  /** This year's amount, from the amount table (null: withheld), and as the text prints it. */
  amountYuan: number | null,
  printed: string | null,
): HTMLLIElement {
  const { meta } = result;
  const year = result.filters.year?.[0];
  const page = result.url.split('#')[0]!;
  const target = view.passage ? `${page}#${view.passage.id}` : page;
  const link = element('a', '', meta.title ?? page);
  link.href = target;
  // The department once where it is also the implementing unit.
  const facts = [
    ...new Set([
      amountYuan === null ? '' : quoteAmount(printed ?? '', amountYuan, locale),
      meta.unit,
      result.filters.department?.[0],
      year ? d.fiscalYear(Number(year)) : '',
    ]),
  ]
    .filter(Boolean)
    .join(' · ');
  const item = element(
    'li',
    'result',
    element('h2', 'result-title', link),
    element('p', 'result-facts', facts),
  );
  for (const asked of view.asked)
    item.append(
      element(
        'p',
        'result-asked',
        d.search.asked(
          asked.asked,
          asked.printed === null
            ? amountText(asked.yuan, locale)
            : quoteAmount(asked.printed, asked.yuan, locale),
          asked.section,
          asked.range ? rangeText(asked.range, locale) : null,
        ),
      ),
    );
  item.append(
    element(
      'p',
      'result-excerpt',
      ...excerptNodes(view.passage?.excerpt ?? pagefindExcerpt(result.excerpt)),
    ),
  );
  if (view.passage) {
    const deep = element('a', 'result-section', view.passage.title);
    deep.href = target;
    item.append(element('p', 'result-deep-link', `${d.search.inSection}${d.colon}`, deep));
  }
  return item;
}
