import { formatAmountEn, parsePublishedAmount } from '../domain/amount';
import { sha256 } from '../files/kept';
import { statesSameNumbers } from '../domain/numbers';

/**
 * The translation memory: every passage a translator has put into English
 * anywhere on the site, by its Chinese. A new passage gets that English only
 * when its Chinese is the same text, figures aside: figures are placeables,
 * and the English is written again with the new text's own (an amount in the
 * site's English notation, any other number as printed). Nothing fuzzy:
 * one character of difference outside a figure, and there is no match.
 */

type Figure = { kind: 'amount' | 'number'; value: string };

const ZH_FIGURE = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元|亿元)|\d+(?:\.\d+)?/gu;
const EN_FIGURE =
  /CNY (\d+(?:\.\d+)?) million \(¥([\d,]+)\)|CNY ([\d,]+)(?! million)|¥([\d,]+)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu;
/** A figure's place in a text while it is read (`⟦3⟧`), and in a learnt English, naming the Chinese figure (`⟪3⟫`). */
const SLOT = (i: number) => `⟦${i}⟧`;
const FIGURE = (i: number) => `⟪${i}⟫`;
/** The key of a pair learnt for its exact Chinese only. */
const EXACT = (zh: string) => `=${zh.normalize('NFC').replace(/\s+/g, ' ').trim()}`;

/** The text with each figure replaced by its slot, and the figures in order. */
function templateOf(text: string, locale: 'zh' | 'en'): { template: string; figures: Figure[] } {
  const figures: Figure[] = [];
  const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const template = normal.replace(locale === 'zh' ? ZH_FIGURE : EN_FIGURE, (match, ...groups) => {
    const amount = (() => {
      if (locale === 'zh') {
        const [digits, unit] = groups as [string | undefined, string | undefined];
        return digits && unit ? parsePublishedAmount(`${digits}${unit}`) : null;
      }
      const [, yuanA, yuanB, yuanC] = groups as (string | undefined)[];
      const yuan = yuanA ?? yuanB ?? yuanC;
      return yuan ? Number(yuan.replaceAll(',', '')) : null;
    })();
    figures.push(
      amount === null
        ? { kind: 'number', value: match.replaceAll(',', '') }
        : { kind: 'amount', value: String(amount) },
    );
    return SLOT(figures.length - 1);
  });
  return { template, figures };
}

export interface MemoryMatch {
  en: string;
  /** Where the English was first given: the address of the translated passage. */
  from: string;
}

interface Unit {
  /** The English, each slot naming the Chinese figure it writes. */
  template: string;
  from: string;
}

export class TranslationMemory {
  readonly #units = new Map<string, Unit>();

  /**
   * Learns a translator's passage. A pair whose figures do not match one for
   * one (the English spells one out, or adds one) is learnt for the exact
   * Chinese only. The first translation of a text is kept.
   */
  add(zh: string, en: string, from: string): void {
    const source = templateOf(zh, 'zh');
    const target = templateOf(en, 'en');
    const used = new Set<number>();
    let mapped = target.template;
    let complete = true;
    for (const [j, figure] of target.figures.entries()) {
      const i = source.figures.findIndex(
        (f, k) => !used.has(k) && f.kind === figure.kind && f.value === figure.value,
      );
      if (i < 0) {
        complete = false;
        break;
      }
      used.add(i);
      mapped = mapped.replace(SLOT(j), FIGURE(i));
    }
    if (complete && used.size === source.figures.length) {
      if (!this.#units.has(source.template))
        this.#units.set(source.template, { template: mapped, from });
      return;
    }
    const exact = EXACT(zh);
    if (!this.#units.has(exact))
      this.#units.set(exact, { template: en.normalize('NFC').trim(), from });
  }

  /** The English of a passage whose Chinese the memory holds, its figures the passage's own; or null. */
  find(zh: string): MemoryMatch | null {
    const exact = this.#units.get(EXACT(zh));
    if (exact) return { en: exact.template, from: exact.from };
    const source = templateOf(zh, 'zh');
    const unit = this.#units.get(source.template);
    if (!unit) return null;
    const en = unit.template.replace(/⟪(\d+)⟫/gu, (_, i: string) => {
      const figure = source.figures[Number(i)]!;
      return figure.kind === 'amount' ? formatAmountEn(Number(figure.value)) : figure.value;
    });
    // The English states the Chinese's numbers, as the check compares them, or it is not used.
    return statesSameNumbers(zh, en) ? { en, from: unit.from } : null;
  }

  /** A hash of everything the memory holds: what an English derived from it depends on. */
  fingerprint(): string {
    return sha256(JSON.stringify([...this.#units].sort((a, b) => (a[0] < b[0] ? -1 : 1))));
  }
}
