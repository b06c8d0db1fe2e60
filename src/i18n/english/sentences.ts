import { formatAmountEn, parsePublishedAmount } from '../../domain/amount';
import { CAPITAL_AMOUNT } from '../../domain/capital-numerals';
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

/**
 * An amount as the template prints it: 612.8万元, 2,360,000元, 1.05亿元, or in capital numerals
 * (人民币壹佰贰拾捌万零陆佰元整), perhaps with its figures after it ((1,280,600.00元)).
 */
const CAPITAL = CAPITAL_AMOUNT.source;
const FIGURES = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元|亿元)`;
const AMOUNT = `(${CAPITAL}(?:\\(${FIGURES}\\))?|${FIGURES})`;

/** A published amount in English, or null where it is not a whole number of yuan (or its two writings differ). */
function amount(text: string): string | null {
  const [words, figures] = text.replace(/\)$/u, '').split('(');
  const yuan = parsePublishedAmount(words!);
  if (yuan === null) return null;
  if (figures !== undefined && parsePublishedAmount(figures.replace(/\.0+元$/u, '元')) !== yuan)
    return null;
  return formatAmountEn(yuan);
}

type Rule = { pattern: RegExp; write: (m: RegExpExecArray) => string | null };

const METHODS = Object.keys(PROCUREMENT_METHODS).join('|');

/** Whom a procurement method chooses, as the template names them. */
const CHOSEN = {
  施工单位: 'construction contractor',
  承建单位: 'builder',
  供应商: 'supplier',
  中标单位: 'winning bidder',
  服务单位: 'service provider',
  监理单位: 'supervising engineer',
} as const;

/** One rule per sentence the template prints; the Chinese must match whole. */
const RULES: Rule[] = [
  {
    pattern: new RegExp(`^(?:本年度|本年|年度)?预算安排(?:为|资金)?${AMOUNT}$`, 'u'),
    write: (m) => {
      const a = amount(m[1]!);
      return a && `This year’s budget allocation is ${a}`;
    },
  },
  {
    pattern: new RegExp(`^(?:项目|本项目)?估算总投资(?:为)?${AMOUNT}$`, 'u'),
    write: (m) => {
      const a = amount(m[1]!);
      return a && `The estimated total investment of the project is ${a}`;
    },
  },
  {
    pattern: new RegExp(`^(?:项目|本项目)?总投资(?:为)?${AMOUNT}$`, 'u'),
    write: (m) => {
      const a = amount(m[1]!);
      return a && `The total investment of the project is ${a}`;
    },
  },
  {
    pattern: new RegExp(`^(?:本项目|项目)采用(${METHODS})(?:的)?方式(?:实施|进行)$`, 'u'),
    write: (m) =>
      `This project is implemented by ${PROCUREMENT_METHODS[m[1] as keyof typeof PROCUREMENT_METHODS]}`,
  },
  {
    pattern: new RegExp(
      `^(?:本项目|项目)(?:采用|通过)(${METHODS})(?:的)?方式(?:确定|选定|选择)(${Object.keys(CHOSEN).join('|')})$`,
      'u',
    ),
    write: (m) =>
      `The ${CHOSEN[m[2] as keyof typeof CHOSEN]} of this project is chosen by ${PROCUREMENT_METHODS[m[1] as keyof typeof PROCUREMENT_METHODS]}`,
  },
  {
    pattern: /^(?:本项目|项目)采用(.+?)的?方式(?:实施|进行)$/u,
    write: (m) => {
      const source = translateFundSource(m[1]!);
      return source && `This project is implemented by way of ${source}`;
    },
  },
  {
    pattern: /^(?:项目)?资金来源[为是：:]\s*(\S.*)$/u,
    write: (m) => {
      const sources = m[1]!.split(/[、,和及]/u).map((part) => translateFundSource(part.trim()));
      if (sources.some((source) => source === null)) return null;
      return sources.length === 1
        ? `Source of funds: ${sources[0]!}`
        : `Sources of funds: ${sources.join(', ')}`;
    },
  },
  {
    // 其中：省级补助资金200万元，县级配套资金150万元 (the review: "This comprises", not "Of which").
    pattern: /^其中[：:]\s*(\S.*)$/u,
    write: (m) => {
      const parts = m[1]!.split(/[,、]/u).map((part) => {
        const split = new RegExp(`^(.+?)${AMOUNT}$`, 'u').exec(part.trim());
        const source = split ? translateFundSource(split[1]!) : null;
        const sum = split ? amount(split[2]!) : null;
        return source && sum ? `${source} ${sum}` : null;
      });
      return parts.some((part) => part === null) ? null : `This comprises: ${parts.join(', ')}`;
    },
  },
  {
    pattern: /^(.+?)(党委|党组)(会议|会)(讨论|研究)?(?:审议)?通过$/u,
    write: (m) => {
      const body = composeOrganisation(m[1]!);
      if (!body) return null;
      const verb =
        m[4] === '讨论'
          ? 'Discussed and adopted'
          : m[4] === '研究'
            ? 'Considered and adopted'
            : 'Adopted';
      const group = m[2] === '党委' ? 'Party Committee' : 'Leading Party Members’ Group';
      return `${verb} at a meeting of the ${group} of the ${body}`;
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
