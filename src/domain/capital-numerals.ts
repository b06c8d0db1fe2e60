/**
 * Amounts in capital numerals (大写), as finance documents write them:
 * 人民币叁佰伍拾万元整, 壹仟贰佰捌拾万零陆仟元, 伍万元整, 拾万元. Read
 * strictly: every digit before a unit, units in falling order, 零 only as a
 * placeholder; anything else is not an amount (never guessed). Written here:
 * the registry's numeral packages misread 一亿二千万 and 两千零一十三万
 * (docs/content.md).
 */
const DIGITS: Record<string, bigint> = {
  零: 0n,
  〇: 0n,
  壹: 1n,
  贰: 2n,
  叁: 3n,
  肆: 4n,
  伍: 5n,
  陆: 6n,
  柒: 7n,
  捌: 8n,
  玖: 9n,
};
const SMALL: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** The characters a capital amount is written in, for finding one in a sentence. */
export const CAPITAL_AMOUNT =
  /(?:人民币)?[壹贰叁肆伍陆柒捌玖拾][零〇壹贰叁肆伍陆柒捌玖拾佰仟万亿]*元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?/u;

/** Below 万: 叁仟零伍拾 → 3050; null if not written as a finance document writes it. */
function readSection(text: string): bigint | null {
  let value = 0n;
  let digit: bigint | null = null;
  let lastUnit = 10_000n;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0n) return null; // two digits with no unit between
      digit = d;
    } else {
      const unit = SMALL[ch];
      if (unit === undefined || unit >= lastUnit) return null;
      // 拾万 for 壹拾万: the one digit a document may leave unsaid, at the head.
      const head = digit === null && unit === 10n && value === 0n;
      if (!head && (digit === null || digit === 0n)) return null;
      value += (head ? 1n : digit!) * unit;
      digit = null;
      lastUnit = unit;
    }
  }
  return value + (digit ?? 0n);
}

/** 人民币叁佰伍拾万元整 → 3500000 yuan; null where it is not a capital amount in whole yuan. */
export function readCapitalAmount(text: string): number | null {
  const match =
    /^(?:人民币)?([零〇壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)元(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([零壹贰叁肆伍陆柒捌玖])分)?整?$/u.exec(
      text.replace(/\s+/gu, ''),
    );
  if (!match) return null;
  // Whole yuan only: a budget line in 角 or 分 is not one this site holds.
  if ((match[2] && DIGITS[match[2]] !== 0n) || (match[3] && DIGITS[match[3]] !== 0n)) return null;
  const [yiPart, rest = ''] = match[1]!.includes('亿') ? match[1]!.split('亿') : ['', match[1]!];
  const [wanPart, unitPart] = rest.includes('万') ? rest.split('万') : ['', rest];
  if ([yiPart, wanPart, unitPart].some((part) => part !== undefined && /[亿万]/u.test(part)))
    return null;
  const yi = yiPart === '' ? 0n : readSection(yiPart!);
  const wan = wanPart === '' ? 0n : readSection(wanPart!);
  const units = unitPart === '' ? 0n : readSection(unitPart!.replace(/^[零〇]/u, ''));
  if (yi === null || wan === null || units === null) return null;
  if ((yiPart !== '' && yi === 0n) || (wanPart !== '' && wan === 0n)) return null;
  const value = yi * 100_000_000n + wan * 10_000n + units;
  return value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}
