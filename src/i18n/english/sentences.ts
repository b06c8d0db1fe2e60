import { formatAmountEn, parsePublishedAmount } from '../../domain/amount';
import { statesSameNumbers } from '../../domain/numbers';
import { PROCUREMENT_METHODS, translateFundSource } from '../../domain/funding-terms';
import { PARTS, SUBSECTIONS, listWordings } from '../../domain/sections';
import { translatePeriod } from '../period';
import { composeOrganisation } from './names';
import { splitEnumeration } from './enumeration';
import { UNIT_LABELS } from './terms';

/**
 * The template's formulaic sentences in English: each rule reads one whole
 * sentence and writes its English with the sentence's own figures. A passage
 * is translated by rule only when every one of its sentences is, and only when
 * its English states exactly the numbers of the Chinese (the check's own
 * cross-check, src/domain/numbers.ts): a rule never publishes a figure the
 * text does not state. Anything else has no English (null).
 */

const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元|亿元)`;

/** A published amount in English, or null where the text's figure is not a whole number of yuan. */
function amount(digits: string, unit: string): string | null {
  const yuan = parsePublishedAmount(`${digits}${unit}`);
  return yuan === null ? null : formatAmountEn(yuan);
}

type Rule = { pattern: RegExp; write: (m: RegExpExecArray) => string | null };

const METHODS = Object.keys(PROCUREMENT_METHODS).join('|');

/** One rule per sentence the template prints; the Chinese must match whole. */
const RULES: Rule[] = [
  {
    pattern: new RegExp(`^(?:本年度|本年|年度)?预算安排(?:为|资金)?${AMOUNT}$`, 'u'),
    write: (m) => {
      const a = amount(m[1]!, m[2]!);
      return a && `This year’s budget allocation is ${a}`;
    },
  },
  {
    pattern: new RegExp(`^(?:项目|本项目)?估算总投资(?:为)?${AMOUNT}$`, 'u'),
    write: (m) => {
      const a = amount(m[1]!, m[2]!);
      return a && `The estimated total investment of the project is ${a}`;
    },
  },
  {
    pattern: new RegExp(`^(?:项目|本项目)?总投资(?:为)?${AMOUNT}$`, 'u'),
    write: (m) => {
      const a = amount(m[1]!, m[2]!);
      return a && `The total investment of the project is ${a}`;
    },
  },
  {
    pattern: new RegExp(`^(?:本项目|项目)采用(${METHODS})(?:的)?方式(?:实施|进行)$`, 'u'),
    write: (m) =>
      `This project is implemented by ${PROCUREMENT_METHODS[m[1] as keyof typeof PROCUREMENT_METHODS]}`,
  },
  {
    pattern: /^(?:本项目|项目)采用(.+?)(?:的)?方式(?:实施|进行)$/u,
    write: (m) => {
      const source = translateFundSource(m[1]!);
      return source && `This project is implemented by way of ${source}`;
    },
  },
  {
    pattern: /^(?:项目)?资金来源(?:为|是|：|:)(.+)$/u,
    write: (m) => {
      const source = translateFundSource(m[1]!);
      return source && `The source of funds is ${source}`;
    },
  },
  {
    pattern: /^(.+?)党委(会议|会)(讨论|研究)?(?:审议)?通过$/u,
    write: (m) => {
      const body = composeOrganisation(m[1]!);
      if (!body) return null;
      const verb =
        m[3] === '讨论'
          ? 'Discussed and adopted'
          : m[3] === '研究'
            ? 'Considered and adopted'
            : 'Adopted';
      return `${verb} at a meeting of the Party Committee of the ${body}`;
    },
  },
  { pattern: /^(.+)$/u, write: (m) => translatePeriod(m[1]!) },
];

/** Sentence ends the template uses, kept in the English: 。 is a full stop, ；a semicolon. */
const ENDS: Record<string, string> = { '。': '.', '；': ';', ';': ';', '.': '.', '': '' };

function translateSentence(sentence: string): string | null {
  const m = /^(.*?)([。；;.]?)$/u.exec(sentence)!;
  const body = m[1]!.trim();
  if (body === '') return null;
  for (const rule of RULES) {
    const match = rule.pattern.exec(body);
    if (!match) continue;
    const english = rule.write(match);
    if (english) return `${english}${ENDS[m[2]!]!}`;
  }
  return null;
}

/** A passage in English by rule (its enumeration too), or null. */
export function translateByRule(passage: string): string | null {
  const text = passage.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const split = splitEnumeration(text);
  if (!split) return null;
  const sentences = split.rest.match(/[^。；;]+[。；;]?/gu) ?? [];
  if (sentences.length === 0) return null;
  const english: string[] = [];
  for (const sentence of sentences) {
    const translated = translateSentence(sentence.trim());
    if (translated === null) return null;
    english.push(translated);
  }
  const result = `${split.prefix}${english.join(' ')}`;
  return statesSameNumbers(passage, result) ? result : null;
}

const TITLES = listWordings([...PARTS, ...SUBSECTIONS]);

/** A section heading in English: its enumeration, and a title of the template's registry (or its wording). */
export function translateHeading(title: string): string | null {
  const split = splitEnumeration(title.normalize('NFKC').trim());
  if (!split) return null;
  const rest = split.rest.trim();
  const known = TITLES.find(({ wording }) => wording === rest);
  return known ? `${split.prefix}${known.entry.en}` : null;
}

/** The label a text prints before the implementing unit (项目实施单位) in English, or null. */
export function translateUnitLabel(label: string): string | null {
  return (UNIT_LABELS as Record<string, string>)[label.trim()] ?? null;
}
