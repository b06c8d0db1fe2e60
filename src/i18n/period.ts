import { ENGLISH_MONTHS } from '../domain/dates';

/**
 * 实施周期 in English, where the Chinese follows a date pattern: the words are
 * translated, every figure is the published one. Anything else is left to the
 * page to show in Chinese (null), never guessed.
 */

/** `2021年4月` / `2021年4月15日` / `2021年` → English, or null. */
function translateDate(text: string): string | null {
  const date = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/u.exec(text);
  if (!date) return null;
  const [, year, month, day] = date;
  if (month === undefined) return year!;
  const name = ENGLISH_MONTHS[Number(month) - 1];
  if (name === undefined || (day !== undefined && (Number(day) < 1 || Number(day) > 31)))
    return null;
  return day === undefined ? `${name} ${year!}` : `${String(Number(day))} ${name} ${year!}`;
}

export function translatePeriod(published: string): string | null {
  const text = published.normalize('NFKC').replace(/\s+/g, '');
  const fiscal = /^(\d{4})年度$/u.exec(text);
  if (fiscal) return `FY${fiscal[1]!}`;
  const single = translateDate(text);
  if (single) return single;
  // `2021年1-12月`: months of one year.
  const months = /^(\d{4})年(\d{1,2})[至到—–\-~～](\d{1,2})月$/u.exec(text);
  if (months) {
    const [from, to] = [
      ENGLISH_MONTHS[Number(months[2]) - 1],
      ENGLISH_MONTHS[Number(months[3]) - 1],
    ];
    return from && to ? `${from} to ${to} ${months[1]!}` : null;
  }
  const range = /^([^至到—–\-~～]+)[至到—–\-~～](.+)$/u.exec(text);
  if (!range) return null;
  const from = translateDate(range[1]!);
  // `2021年4月至8月`: the second date takes the first one's year.
  const toText = /^\d{4}年/u.test(range[2]!)
    ? range[2]!
    : `${/^\d{4}年/u.exec(range[1]!)?.[0] ?? ''}${range[2]!}`;
  const to = translateDate(toText);
  return from && to ? `${from} to ${to}` : null;
}
