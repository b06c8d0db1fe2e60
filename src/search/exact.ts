/**
 * Exact matching on top of Pagefind. Pagefind matches word pieces by prefix,
 * so 天网 finds a page that only has 网; a journalist could then report that
 * the text mentions 天网. A result counts as a match only where the query, as
 * typed, occurs in its text, after normalising width, case and spaces: each
 * word of a multi-word query, or each quoted phrase whole.
 */

/** Width (NFKC), case and every kind of space removed: 人 脸, ＦＡＣＥ and face compare equal. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/gu, '');
}

/** The terms that must each occur: "quoted phrases" whole, other words one by one. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  const rest = query.normalize('NFKC').replace(/["“”]([^"“”]+)["“”]/gu, (_, phrase: string) => {
    terms.push(phrase);
    return ' ';
  });
  terms.push(...rest.split(/[\s\u3000]+/u));
  return terms.map(normaliseForMatch).filter(Boolean);
}

/** Whether a text contains every term of a query. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const haystack = normaliseForMatch(text);
  return terms.every((term) => haystack.includes(term));
}
