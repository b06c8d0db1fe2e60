import { readCapitalAmount } from './capital-numerals';
/**
 * Amounts are integer yuan (元, as 《预算法》 art. 19 keeps accounts). Every
 * other notation — 万元, millions, grouped digits — is derived here with
 * string arithmetic so that no figure ever passes through a float.
 */

/** Moves the decimal point of a non-negative integer `places` to the left, trimming trailing zeros: (20129500, 4) → "2012.95". */
export function shiftLeft(value: number | bigint, places: number): string {
  const digits = BigInt(value)
    .toString()
    .padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * Parses a plain decimal (digits, optional group commas, optional fraction) and
 * scales it by 10^places. Returns null when the result is not a whole number
 * (finer than the unit) or the text is not a decimal.
 */
export function scaleDecimal(text: string, places: number): bigint | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1]!.replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (fraction.length > places && /[1-9]/.test(fraction.slice(places))) return null;
  const padded = (fraction + '0'.repeat(places)).slice(0, places);
  return BigInt(whole + padded);
}

/** 7000000 → "700" (the figure before 万元). */
export function toWan(yuan: number): string {
  return shiftLeft(yuan, 4);
}

/** "2012.95" (万) → 20129500, or null if not a whole number of yuan. */
export function wanToYuan(wan: string): number | null {
  const yuan = scaleDecimal(wan, 4);
  return yuan === null ? null : Number(yuan);
}

/** The units a published figure may be written in, and their powers of ten in yuan. */
const PUBLISHED_UNITS = { 万元: 4, 元: 0, 亿元: 8 } as const;

/**
 * Parses a figure as published — "700万元", "2012.95万元", "3,500,000元",
 * "1.2亿元", "人民币叁佰伍拾万元整" — into whole yuan; null if it is not one, or not a whole number of
 * yuan, or too large to hold exactly.
 */
export function parsePublishedAmount(published: string): number | null {
  if (/^(?:人民币)?[壹贰叁肆伍陆柒捌玖拾]/u.test(published)) return readCapitalAmount(published);
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|亿元)$/u.exec(
    published.normalize('NFKC'),
  );
  if (!match) return null;
  const yuan = scaleDecimal(
    `${match[1]!}${match[2] ? `.${match[2]}` : ''}`,
    PUBLISHED_UNITS[match[3] as keyof typeof PUBLISHED_UNITS],
  );
  return yuan === null || yuan <= 0n || yuan > BigInt(Number.MAX_SAFE_INTEGER)
    ? null
    : Number(yuan);
}

/** 7000000 → "7,000,000" (grouping fixed to the Western 3-digit style in both languages). */
export function groupDigits(yuan: number): string {
  return BigInt(yuan)
    .toString()
    .replace(/\B(?=(?:\d{3})+(?!\d))/g, ',');
}

/** 20129500 → "20.1295" (the figure before "million"). */
export function toMillions(yuan: number): string {
  return shiftLeft(yuan, 6);
}

/** zh display: "700万元". */
export function formatWan(yuan: number): string {
  return `${toWan(yuan)}万元`;
}

/** Yuan with the currency sign: "¥7,000,000". */
export function formatYuan(yuan: number): string {
  return `¥${groupDigits(yuan)}`;
}

/** en display, the convention of docs/content.md: "CNY 7 million". */
export function formatMillionsEn(yuan: number): string {
  return `CNY ${toMillions(yuan)} million`;
}

/** Every notation a reader might type for this amount; feeds search and the number cross-check. */
export function amountVariants(yuan: number): string[] {
  const wan = toWan(yuan);
  const millions = toMillions(yuan);
  return [
    `${wan}万`,
    `${wan}万元`,
    String(yuan),
    groupDigits(yuan),
    formatYuan(yuan),
    `${millions} million`,
    `CNY ${millions} million`,
  ];
}

/**
 * An amount in English prose, as a translator writes it: in millions with the
 * yuan beside it where the millions need two decimals at most ("CNY 6.5
 * million (¥6,500,000)"), else in yuan ("CNY 20,129,500", not the unreadable
 * "CNY 20.1295 million"). Never rounded: every figure is the text's.
 */
export function formatAmountEn(yuan: number): string {
  return readsInMillions(yuan)
    ? `CNY ${toMillions(yuan)} million (${formatYuan(yuan)})`
    : `CNY ${groupDigits(yuan)}`;
}

/** Whether an amount reads well in millions: two decimals at most (6.5 million, not 20.1295 million). */
export function readsInMillions(yuan: number): boolean {
  return !/\.\d{3}/.test(toMillions(yuan));
}

/** An amount in both notations as plain text: "700万元（¥7,000,000）" / "CNY 7 million (¥7,000,000)". */
export function formatAmountText(yuan: number, locale: 'zh' | 'en'): string {
  return locale === 'zh'
    ? `${formatWan(yuan)}（${formatYuan(yuan)}）`
    : `${formatMillionsEn(yuan)} (${formatYuan(yuan)})`;
}
