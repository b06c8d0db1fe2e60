/**
 * A published enumeration in English, as published: （一）、 and （1） 、 are
 * item 1 of a list, written (1); 1、 is 1. The style of the original (bracketed
 * or not) is kept; only the numeral changes script.
 */
const DIGITS = '一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十一 → 21 (up to 九十九), or null. */
function readChineseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS.indexOf(tens) + 1 : null;
  return (tens ? DIGITS.indexOf(tens) + 1 : 1) * 10 + (ones ? DIGITS.indexOf(ones) + 1 : 0);
}

const LEADING =
  /^\s*(?:[（(]\s*([一二三四五六七八九十\d]+)\s*[）)]\s*、?|(\d+)\s*[、.．](?!\d))\s*/u;

/** The enumeration a text starts with, in English ((1) or 1.), and the rest; no enumeration gives prefix ''. */
export function splitEnumeration(text: string): { prefix: string; rest: string } | null {
  const m = LEADING.exec(text);
  if (!m) return { prefix: '', rest: text };
  const n = readChineseCount(m[1] ?? m[2]!);
  if (n === null) return null;
  return { prefix: m[1] !== undefined ? `(${n}) ` : `${n}. `, rest: text.slice(m[0].length) };
}
