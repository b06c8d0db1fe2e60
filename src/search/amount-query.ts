import { scaleDecimal } from '../domain/amount';

/**
 * Reads amounts out of what a journalist types, in any notation we publish or
 * they are likely to use: 700万, 700万元, 7000000, 7,000,000, ¥7,000,000,
 * 7 million, CNY 7 million, 2012.95 (read as 万, the unit the text uses),
 * 20.1295 million, 1,300万. Decimals are kept exactly (no "1.2" → "12").
 *
 * An amount becomes an exact filter; the other words stay a text query.
 * A bare whole number below 10,000 (700, 2020) is left as text: it is as likely
 * a year or the figure before 万 as an amount in yuan, and Pagefind's prefix
 * match already finds "700万元" for "700".
 */
export interface AmountQuery {
  /** The words left for full-text search, or '' if none. */
  text: string;
  /** Each amount found, as the candidate values in yuan it may mean. */
  amounts: number[][];
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const TOKEN = new RegExp(
  String.raw`(?:(?:CNY|RMB|人民币)\s*|[¥￥]\s*)?(${NUMBER})\s*(万元|万|元|yuan|million|mn|m\b|百万)?`,
  'giu',
);

function toYuan(figure: string, places: number): number | null {
  const value = scaleDecimal(figure, places);
  return value === null || value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER)
    ? null
    : Number(value);
}

/** The yuan values one matched token may mean, or null if it is not an amount. */
function candidates(whole: string, figure: string, unit: string | undefined): number[] | null {
  const currency = /^(?:CNY|RMB|人民币|[¥￥])/iu.test(whole);
  const u = unit?.toLowerCase();
  if (u === '万' || u === '万元') return nonNull([toYuan(figure, 4)]);
  if (u === 'million' || u === 'mn' || u === 'm' || u === '百万')
    return nonNull([toYuan(figure, 6)]);
  if (u === '元' || u === 'yuan' || currency) return nonNull([toYuan(figure, 0)]);
  if (figure.includes(',')) return nonNull([toYuan(figure, 0)]);
  if (figure.includes('.')) return nonNull([toYuan(figure, 4)]); // 2012.95: the text's own unit, 万
  if (figure.length >= 5) return nonNull([toYuan(figure, 0), toYuan(figure, 4)]);
  return null;
}

function nonNull(values: (number | null)[]): number[] | null {
  const kept = values.filter((v): v is number => v !== null);
  return kept.length ? kept : null;
}

export function parseAmountQuery(query: string): AmountQuery {
  const amounts: number[][] = [];
  const text = query
    .normalize('NFKC')
    .replace(TOKEN, (whole, figure: string, unit: string | undefined) => {
      const values = candidates(whole, figure, unit);
      if (!values) return whole;
      amounts.push(values);
      return ' ';
    });
  return { text: text.replace(/\s+/g, ' ').trim(), amounts };
}

/** A single amount typed into a minimum or maximum box, in yuan; null if empty or not an amount. */
export function parseAmountBound(input: string | null | undefined): number | null {
  if (!input?.trim()) return null;
  const { text, amounts } = parseAmountQuery(
    /^\s*\d+\s*$/.test(input) ? `${input.trim()}元` : input,
  );
  return text === '' && amounts.length === 1 ? amounts[0]![0]! : null;
}
