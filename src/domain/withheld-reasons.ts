import type { Localized } from './locales';

/**
 * The one registry of reasons a section may be withheld for. The code is what
 * content files, data files and `data-withheld` carry; an unknown code fails the build.
 */
export interface WithheldReason {
  /** What the marker says, in the words the publisher used (zh) and our translation. */
  label: Localized;
  /**
   * How publishers print it where they withhold a part, as a whole line or after a heading's
   * colon, spaces removed: 涉密不宜公开, 涉密不宜公开。, （涉密不宜公开）, 涉密内容不宜公开.
   */
  printed: RegExp;
  /** What the reason means, for the explanation page. */
  meaning: Localized;
  /** The legal provisions that govern this reason (the publisher itself cites none). */
  basis: Localized;
}

export const WITHHELD_REASONS = {
  classified: {
    label: { zh: '涉密不宜公开', en: 'Withheld: classified; not suitable for disclosure' },
    printed: /^[（(]?涉密(?:内容)?不宜公开[）)]?[。.]?$/u,
    meaning: {
      zh: '发布机关在原文此处只写有“涉密不宜公开”，未公开该部分内容，也未说明更多理由。本站不掌握、也不显示被隐去的内容。',
      en: 'The original text reads only “涉密不宜公开” (“classified; not suitable for disclosure”) here: the publisher did not disclose this part and gave no further reason. This site does not hold, and does not show, the withheld content.',
    },
    basis: {
      zh: '原文未注明不公开的法律依据。可能适用的规定是《中华人民共和国政府信息公开条例》（2019年修订）第十四条：“依法确定为国家秘密的政府信息……不予公开。”第三十七条：“……能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。”',
      en: 'The original text cites no legal basis for withholding. Provisions that may apply are the Regulations of the People’s Republic of China on the Disclosure of Government Information (revised 2019), article 14: “Government information lawfully classified as a state secret … is not disclosed”, and article 37: “… where [the information] can be separated, the administrative organ shall provide the disclosable government information and state the reason for not disclosing the rest.”',
    },
  },
} as const satisfies Record<string, WithheldReason>;

export type WithheldReasonCode = keyof typeof WITHHELD_REASONS;
export const WITHHELD_REASON_CODES = Object.keys(WITHHELD_REASONS) as [
  WithheldReasonCode,
  ...WithheldReasonCode[],
];

export function isWithheldReasonCode(code: unknown): code is WithheldReasonCode {
  return typeof code === 'string' && Object.hasOwn(WITHHELD_REASONS, code);
}

/** The reason a printed phrase (spaces removed) withholds a part for, or null: 涉密内容不宜公开 → classified. */
export function withheldReasonOfText(text: string): WithheldReasonCode | null {
  for (const code of WITHHELD_REASON_CODES)
    if (WITHHELD_REASONS[code].printed.test(text)) return code;
  return null;
}
