/** A date as the site writes it on pages and in the data files: YYYY-MM-DD, in UTC. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** English month names, January first: the dates the English pages write, and the cross-check reads. */
export const ENGLISH_MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十五 → 15, 三十一 → 31, 3 → 3; null for anything else. */
function readDayOrMonth(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const tens = /^([一二三]?)十([一二三四五六七八九]?)$/u.exec(text);
  if (tens)
    return (
      (tens[1] ? (CHINESE_DIGITS[tens[1]] ?? 0) : 1) * 10 +
      (tens[2] ? (CHINESE_DIGITS[tens[2]] ?? 0) : 0)
    );
  return text.length === 1 && text in CHINESE_DIGITS ? (CHINESE_DIGITS[text] ?? null) : null;
}

/**
 * A date as a Chinese document prints it, `2021年3月15日` or `二〇二一年三月十五日`
 * (full-width digits and spaces allowed), as YYYY-MM-DD; null if the text is
 * not a real date alone.
 */
export function readChineseDate(text: string): string | null {
  const date = /^(\d{4}|[〇零一二三四五六七八九]{4})年([^月]{1,3})月([^日]{1,3})日$/u.exec(
    text.normalize('NFKC').replace(/\s+/g, ''),
  );
  if (!date) return null;
  const year = /^\d{4}$/.test(date[1]!)
    ? Number(date[1])
    : Number(Array.from(date[1]!, (c) => CHINESE_DIGITS[c]).join(''));
  const month = readDayOrMonth(date[2]!);
  const day = readDayOrMonth(date[3]!);
  if (month === null || day === null) return null;
  const iso = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}
