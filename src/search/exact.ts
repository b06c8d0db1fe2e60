/**
 * Exact matching on top of Pagefind. Pagefind matches word pieces by prefix,
 * so 天网 finds a page that only has 网; a journalist could then report that
 * the text mentions 天网. A result counts as a match only where the query, as
 * typed, occurs in its text, after normalising width, case and spaces: each
 * word of a multi-word query, or each quoted phrase whole.
 */

/** Width (NFKC), case and every kind of space removed: 人 脸, ＦＡＣＥ and face compare equal. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The terms that must each occur: "quoted phrases" whole, other words one by one. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  const rest = query.normalize('NFKC').replace(/["“”]([^"“”]+)["“”]/gu, (_, phrase: string) => {
    terms.push(phrase);
    return ' ';
  });
  terms.push(...rest.split(/\s+/u));
  return terms.map(normaliseForMatch).filter(Boolean);
}

/** Whether a text contains every term of a query. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const haystack = normaliseForMatch(text);
  return terms.every((term) => haystack.includes(term));
}

/**
 * Where each term occurs in a text, as [start, end) offsets into the text as
 * written, comparing as normaliseForMatch does: so 人 脸 in the text is found
 * for 人脸, and the span covers the space between.
 */
export function findSpans(text: string, terms: readonly string[]): [number, number][] {
  let normalised = '';
  const origin: number[] = []; // for each normalised code unit, the offset of the character it came from
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    for (const unit of normaliseForMatch(ch)) {
      normalised += unit;
      origin.push(i);
    }
    i += ch.length;
  }
  const spans: [number, number][] = [];
  for (const term of terms) {
    for (let at = normalised.indexOf(term); at !== -1; at = normalised.indexOf(term, at + 1)) {
      const last = origin[at + term.length - 1]!;
      spans.push([origin[at]!, last + String.fromCodePoint(text.codePointAt(last)!).length]);
    }
  }
  // Sorted and merged, so that overlapping terms mark one run.
  spans.sort((a, b) => a[0] - b[0]);
  return spans.reduce<[number, number][]>((merged, span) => {
    const previous = merged.at(-1);
    if (previous && span[0] <= previous[1]) previous[1] = Math.max(previous[1], span[1]);
    else merged.push(span);
    return merged;
  }, []);
}
