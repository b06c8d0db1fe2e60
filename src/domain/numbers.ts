import { scaleDecimal, wanToYuan } from './amount';
import { CAPITAL_AMOUNT, readCapitalAmount } from './capital-numerals';
import { ENGLISH_MONTHS } from './dates';
import { stripEnumeration } from './enumeration';
import type { Locale } from './locales';

/**
 * The Arabic numbers a block of text states, normalised so that the two
 * languages compare: 万 and "million" are multiplied out (700万 = 7 million =
 * 7000000), group commas dropped, dates read as dates (2015年5月6日 = 6 May
 * 2015) and a leading enumeration ignored ((一) and (1) are the same item). Chinese numerals (十二五) are words, not numbers.
 */
const ZH_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/gu;
const EN_DATE = new RegExp(`(\\d{1,2}) (${ENGLISH_MONTHS.join('|')}) (\\d{4})`, 'gu');
/** A month named beside a year or a range (September 2021, January to December 2021): its number counts. */
const EN_MONTH = new RegExp(`\\b(${ENGLISH_MONTHS.join('|')})\\b(?= \\d{4}\\b| to\\b)`, 'gu');
const ZH_YI = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*亿/gu;
const ZH_WAN = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万/gu;
/** An amount in capital numerals (壹佰贰拾捌万零陆佰元): a figure, though written in characters. */
const ZH_CAPITAL = new RegExp(CAPITAL_AMOUNT.source, 'gu');
const EN_MILLION = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*million/giu;
const PLAIN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu;
/**
 * A small count spelled out in a compound of building terms, as English writes one: a two-storey
 * building, a one-storey room (not "Five-Year", a title's word).
 */
const EN_COUNT =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten)-(?=(?:storey|story|floor|room|bed|lane|channel)s?\b)/giu;
const COUNTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A plain number, group commas dropped and a fraction of zeros too (1,280,600.00 is 1280600). */
function plain(text: string, into: Set<string>): void {
  for (const [match] of text.matchAll(PLAIN))
    into.add(match.replaceAll(',', '').replace(/\.0+$/, ''));
}

export function numbersInBlock(block: string, locale: Locale): Set<string> {
  const found = new Set<string>();
  // Every pattern needs a digit, but a spelled-out count, which needs a hyphen; most blocks have
  // neither (the output audit reads every text of 10,000 projects in both languages).
  if (!/[\d\-壹贰叁肆伍陆柒捌玖]/u.test(block)) return found;
  let rest = stripEnumeration(block);
  // Chinese in an English text (a passage not yet translated, a document number) reads as Chinese.
  if (locale === 'zh' || /\p{Script=Han}/u.test(rest)) {
    rest = rest.replace(ZH_DATE, (_, y: string, m: string, d: string) => {
      found.add(`${y}-${Number(m)}-${Number(d)}`);
      return ' ';
    });
    rest = rest.replace(ZH_CAPITAL, (match) => {
      const yuan = readCapitalAmount(match);
      if (yuan === null) return match;
      found.add(String(yuan));
      return ' ';
    });
    rest = rest.replace(ZH_YI, (match, yi: string) => {
      const yuan = scaleDecimal(yi.replaceAll(',', ''), 8);
      if (yuan === null) return match;
      found.add(yuan.toString());
      return ' ';
    });
    rest = rest.replace(ZH_WAN, (match, wan: string) => {
      const yuan = wanToYuan(wan.replaceAll(',', ''));
      if (yuan === null) return match;
      found.add(String(yuan));
      return ' ';
    });
  }
  if (locale === 'en') {
    rest = rest.replace(EN_DATE, (_, d: string, month: string, y: string) => {
      found.add(`${y}-${ENGLISH_MONTHS.indexOf(month) + 1}-${Number(d)}`);
      return ' ';
    });
    rest = rest.replace(EN_MONTH, (_, month: string) => {
      found.add(String(ENGLISH_MONTHS.indexOf(month) + 1));
      return ' ';
    });
    rest = rest.replace(EN_MILLION, (match, whole: string, fraction: string | undefined) => {
      const yuan = scaleDecimal(fraction ? `${whole}.${fraction}` : whole, 6);
      if (yuan === null) return match;
      found.add(yuan.toString());
      return ' ';
    });
    rest = rest.replace(EN_COUNT, (_, word: string) => {
      found.add(String(COUNTS.indexOf(word.toLowerCase()) + 1));
      return ' ';
    });
  }
  plain(rest, found);
  return found;
}

/** The numbers of several blocks (paragraphs, headings, list items) together. */
export function numbersIn(blocks: readonly string[], locale: Locale): Set<string> {
  const all = new Set<string>();
  for (const block of blocks) for (const n of numbersInBlock(block, locale)) all.add(n);
  return all;
}

/** What one side has that the other lacks; empty lists mean the two agree. */
export function compareNumbers(
  zh: Set<string>,
  en: Set<string>,
): { missingInEn: string[]; extraInEn: string[] } {
  return {
    missingInEn: [...zh].filter((n) => !en.has(n)),
    extraInEn: [...en].filter((n) => !zh.has(n)),
  };
}

/** Whether an English text states exactly the numbers of a Chinese one, as the check compares them. */
export function statesSameNumbers(zh: string, en: string): boolean {
  const { missingInEn, extraInEn } = compareNumbers(
    numbersInBlock(zh, 'zh'),
    numbersInBlock(en, 'en'),
  );
  return missingInEn.length === 0 && extraInEn.length === 0;
}
