/**
 * The leading enumeration of a published line — 1、 （一）、 （1） 、 （1） or the
 * English renderings (1) 1. (i) — which the fidelity rule lets a page drop and
 * which the number cross-check must ignore (（一） and (1) are the same item).
 */
const ZH = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]\s*、?|\d+\s*、|\d+\s*[.．](?!\d))\s*/u;
const EN = /^\s*(?:\((?:\d+|[ivxlcdm]+|[a-z])\)|\d+\.(?=\s))\s*/u;

export function stripEnumeration(text: string): string {
  return text.replace(ZH, '').replace(EN, '');
}
