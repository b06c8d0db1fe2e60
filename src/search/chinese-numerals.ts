/**
 * Reads an amount written in Chinese numerals: 二千万, 两千万, 一千三百万,
 * 二零一三万, 一亿二千万. Written here rather than with a package: the two on
 * the registry read 一亿二千万 as 1,000,020,000,000 and 两千零一十三万 as 130,000.
 *
 * The place of the last non-zero digit is the precision: Chinese numerals
 * write no trailing zeros, so 二千万 is 20,000,000 to the nearest 千万.
 * Colloquial forms that leave a unit unsaid (三万五, 一千二) are refused
 * rather than guessed, and so is anything without a digit or without 万 or
 * 亿: 千万 is also a word ("by all means") and 十三五 a plan, not amounts.
 */

const DIGITS: Record<string, bigint> = {
  零: 0n,
  〇: 0n,
  一: 1n,
  二: 2n,
  两: 2n,
  三: 3n,
  四: 4n,
  五: 5n,
  六: 6n,
  七: 7n,
  八: 8n,
  九: 9n,
};
const SMALL_UNITS: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n };
const WAN = 10n ** 4n;
const YI = 10n ** 8n;

/** An amount in yuan and the power of ten of its last written digit; null if not one. */
export function readChineseNumeral(text: string): { value: bigint; place: number } | null {
  let completed = 0n; // whole 亿 groups
  let wan = 0n; // the 万 group below them
  let section = 0n; // below 万
  let digit: bigint | null = null;
  let previous = '';
  let lastUnit = '';
  let zeroSinceUnit = false;
  let hasBigUnit = false;
  let hasDigit = false;
  // A digit left pending straight after 百, 千, 万 or 亿 (no 零 between) means a unit left unsaid.
  const isColloquial = () =>
    digit !== null && digit > 0n && !zeroSinceUnit && /^[百千万亿]$/u.test(lastUnit);
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      // 二零一三: digits in a row are positional.
      digit = digit !== null && DIGITS[previous] !== undefined ? digit * 10n + d : d;
      if (d === 0n) zeroSinceUnit = true;
      else hasDigit = true;
    } else if (ch === '十' || ch === '百' || ch === '千') {
      section += (digit ?? 1n) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch === '万' || ch === '亿') {
      if (isColloquial()) return null;
      const part = (ch === '亿' ? wan : 0n) + section + (digit ?? 0n);
      if (part === 0n || (ch === '万' && wan !== 0n)) return null;
      if (ch === '万') wan = part * WAN;
      else {
        completed += part * YI;
        wan = 0n;
      }
      section = 0n;
      digit = null;
      hasBigUnit = true;
    } else {
      return null;
    }
    if (d === undefined) {
      lastUnit = ch;
      zeroSinceUnit = false;
    }
    previous = ch;
  }
  if (!hasBigUnit || !hasDigit || isColloquial()) return null;
  const value = completed + wan + section + (digit ?? 0n);
  if (value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  let place = 0;
  while ((value / 10n ** BigInt(place + 1)) * 10n ** BigInt(place + 1) === value) place++;
  return { value, place };
}
