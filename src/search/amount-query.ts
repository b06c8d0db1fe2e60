import { scaleDecimal } from '../domain/amount';
import { readChineseNumeral } from './chinese-numerals';

/**
 * Reads amounts out of what a journalist types, in any notation we publish or
 * they are likely to use: 700万, 700万元, 7000000, 7,000,000, ¥7,000,000,
 * 7 million, CNY 7 million, 2012.95 (read as 万, the unit the text uses),
 * 20.1295 million, 1,300万, 2千万, 二千万, 一千三百万. Decimals are kept
 * exactly (no "1.2" → "12").
 *
 * A figure means what it says to its last significant digit: 20.13 million
 * matches every amount that rounds to 20.13 million (20,125,000 to
 * 20,134,999 yuan), 2013万 every amount that rounds to 2013万, and 7,000,001
 * only 7,000,001. Trailing zeros of a whole figure are its roundness, as in
 * Chinese numerals: 2000万, 20 million, 20,000,000 and 二千万 are all precise to
 * 千万 (15,000,000 to 24,999,999), and a figure typed exactly as published is
 * listed first (src/search/client.ts). Decimals are precision: 20.00 million
 * is 19,995,000 to 20,004,999. A leading 约, 大约, about, around, approx., ~
 * or ≈ widens the match to ±5 %.
 *
 * A bare whole number below 10,000 (700, 2020) is left as text: it is as likely
 * a year or the figure before 万 as an amount in yuan, and Pagefind's prefix
 * match already finds "700万元" for "700".
 */

/** Whole yuan, both ends included. `value` is the figure as typed, in yuan. */
export interface AmountRange {
  value: number;
  min: number;
  max: number;
}

export interface AskedAmount {
  /** The amount as typed, for showing beside the published figure: "约2000万". */
  asked: string;
  approximate: boolean;
  /** One range per reading of the figure (a bare 20130000 may be yuan or 万). */
  ranges: AmountRange[];
}

export interface AmountQuery {
  /** The words left for full-text search, or '' if none. */
  text: string;
  amounts: AskedAmount[];
}

/** ±5 % for an approximate amount, in hundredths. */
const APPROXIMATE_PERCENT = 5n;

const APPROXIMATELY = String.raw`(?:([约~≈]|大约|about|around|approx\.?|approximately|exactly)\s*)?`;
const CURRENCY = String.raw`((?:CNY|RMB|人民币)\s*|[¥￥]\s*)?`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const UNIT = String.raw`亿元|万元|千万|百万|十万|[亿万元]|yuan|billion|bn|million|mn|m\b`;
const NUMERAL = String.raw`[零〇一二两三四五六七八九十百千万亿]*[万亿][零〇一二两三四五六七八九十百千万亿]*`;
const TOKEN = new RegExp(
  String.raw`${APPROXIMATELY}(?:${CURRENCY}(${NUMBER})\s*(${UNIT})?(整)?|(${NUMERAL})元?(整)?)`,
  'giu',
);

/** Powers of ten in yuan of each unit a figure may carry. */
const UNIT_POWERS: Record<string, number> = {
  亿元: 8,
  亿: 8,
  千万: 7,
  百万: 6,
  十万: 5,
  万元: 4,
  万: 4,
  元: 0,
  yuan: 0,
  billion: 9,
  bn: 9,
  million: 6,
  mn: 6,
  m: 6,
};

/** A figure scaled by 10^power, with the place of its last written digit; null if not whole yuan or too large. */
function readFigure(figure: string, power: number): { value: bigint; place: number } | null {
  const value = scaleDecimal(figure, power);
  if (value === null || value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const [whole = '', decimals = ''] = figure.replace(/,/g, '').split('.');
  // Without decimals, trailing zeros are roundness, not precision: 2000万 and 20 million are "about
  // twenty million" as 二千万 is, not 20,000,000 to the 万 or the million.
  const zeros = decimals ? 0 : whole.length - whole.replace(/0+$/, '').length;
  return { value, place: Math.max(0, power + zeros - decimals.length) };
}

/** Every yuan amount that the figure rounds from at its precision, widened to ±5 % if approximate. */
function rangeOf(value: bigint, place: number, approximate: boolean): AmountRange {
  const half = place > 0 ? 10n ** BigInt(place) / 2n : 0n;
  let min = value - half;
  let max = half > 0n ? value + half - 1n : value;
  if (approximate) {
    const low = (value * (100n - APPROXIMATE_PERCENT) + 99n) / 100n;
    const high = (value * (100n + APPROXIMATE_PERCENT)) / 100n;
    if (low < min) min = low;
    if (high > max) max = high;
  }
  return { value: Number(value), min: Number(min), max: Number(max) };
}

/** The readings (value and precision) of one figure, or none if it is not an amount. */
function readingsOf(
  figure: string,
  unit: string | undefined,
  hasCurrency: boolean,
): { value: bigint; place: number }[] {
  const power = unit ? UNIT_POWERS[unit.toLowerCase()] : undefined;
  const readings =
    power !== undefined
      ? [readFigure(figure, power)]
      : hasCurrency || figure.includes(',')
        ? [readFigure(figure, 0)]
        : figure.includes('.')
          ? [readFigure(figure, 4)] // 2012.95: the text's own unit, 万
          : figure.length >= 5
            ? [readFigure(figure, 0), readFigure(figure, 4)]
            : [];
  return readings.filter((r) => r !== null);
}

export function parseAmountQuery(query: string): AmountQuery {
  const amounts: AskedAmount[] = [];
  const text = query
    .normalize('NFKC')
    .replace(
      TOKEN,
      (
        whole: string,
        about: string | undefined,
        currency: string | undefined,
        figure: string | undefined,
        unit: string | undefined,
        zheng: string | undefined,
        numeral: string | undefined,
        numeralZheng: string | undefined,
      ) => {
        const readings = figure
          ? readingsOf(figure, unit, Boolean(currency))
          : [readChineseNumeral(numeral ?? '')].filter((r) => r !== null);
        if (!readings.length) return whole;
        // 2000万元整, exactly 20 million: that figure to the yuan, not every amount it rounds from.
        const exact = about?.toLowerCase() === 'exactly' || Boolean(zheng ?? numeralZheng);
        const approximate = Boolean(about) && !exact;
        amounts.push({
          asked: whole.trim(),
          approximate,
          ranges: readings.map((r) => rangeOf(r.value, exact ? 0 : r.place, approximate)),
        });
        return ' ';
      },
    );
  return { text: text.replace(/\s+/g, ' ').trim(), amounts };
}

/**
 * The query that asks for a rounded figure exactly, to offer beside its results: 2000万 →
 * 2000万元整, 20 million → exactly 20 million; null where the figure is exact already or approximate.
 */
export function exactFormOf(asked: AskedAmount): string | null {
  if (asked.approximate || asked.ranges.every((r) => r.min === r.max)) return null;
  const text = asked.asked;
  if (/[万亿]$/u.test(text)) return `${text}元整`;
  if (/元$/u.test(text)) return `${text}整`;
  return /^[\d,.]+\s*(?:million|billion|yuan|mn|bn|m)?$/iu.test(text) ? `exactly ${text}` : null;
}

/** Whether an amount lies in any range of an asked amount. */
export function matchesAmount(yuan: number, asked: AskedAmount): boolean {
  return asked.ranges.some((r) => yuan >= r.min && yuan <= r.max);
}

/** A single amount typed into a minimum or maximum box, in yuan; null if empty or not an amount. */
export function parseAmountBound(input: string | null | undefined): number | null {
  if (!input?.trim()) return null;
  const { text, amounts } = parseAmountQuery(
    /^\s*\d+\s*$/.test(input) ? `${input.trim()}元` : input,
  );
  return text === '' && amounts.length === 1 && !amounts[0]!.approximate
    ? amounts[0]!.ranges[0]!.value
    : null;
}
