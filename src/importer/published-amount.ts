import { parsePublishedAmount } from '../domain/amount';
import { CAPITAL_AMOUNT } from '../domain/capital-numerals';
import { ImportError } from './headings';

/**
 * The amounts a text prints (700万元, 1.2亿元, 壹仟叁佰万元), found in a line and read
 * into whole yuan, and a figure restated beside capital numerals checked against them.
 */

/** An amount as printed (700万元, 2012.95万元, 3,500,000元, 1.2亿元, full-width digits too) in whole yuan, or null. */
export function parseAmount(published: string): number | null {
  return parsePublishedAmount(published.normalize('NFKC').replace(/\s/g, ''));
}

const DIGIT_AMOUNT = /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:万元|亿元|元)/u;

/** The first amount printed in a text, in digits or in capital numerals (大写), as printed, or null. */
export function findAmount(text: string): string | null {
  const found = [DIGIT_AMOUNT.exec(text), CAPITAL_AMOUNT.exec(text)]
    .filter((m) => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  return found?.[0] ?? null;
}

/**
 * A capital amount's restatement in figures right after it
 * (`人民币叁佰伍拾万元整（3,500,000.00元）`) must say the same: the two are
 * read and compared, and a disagreement stops the import, naming both.
 */
export function checkRestatement(text: string, published: string, line: number): void {
  const at = text.indexOf(published);
  if (at === -1 || !CAPITAL_AMOUNT.test(published)) return;
  const inside = /^\s*[（(]([^）)]*)[）)]/u.exec(text.slice(at + published.length))?.[1]?.trim();
  const restated = inside ? findAmount(inside) : null;
  if (!restated || restated !== inside!.replace(/\s+/gu, '')) return;
  const words = parseAmount(published);
  const figures = parseAmount(restated);
  if (words !== null && words === figures) return;
  throw new ImportError(
    line,
    `“${published}” reads as ${words === null ? 'no whole amount' : `${words} yuan`}, but the figure beside it, “${restated}”, says ${figures === null ? 'no whole amount' : `${figures} yuan`}; ask the publisher which is right`,
  );
}
