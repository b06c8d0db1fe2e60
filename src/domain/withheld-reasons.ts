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
   * colon: the one list of its wordings (docs/content.md lists them). Each is read with or
   * without brackets around it and a full stop after it, in full- or half-width punctuation.
   */
  wordings: readonly string[];
  /** What the reason means, for the explanation page. */
  meaning: Localized;
  /** The legal provisions that govern this reason (the publisher itself cites none). */
  basis: Localized;
}

export const WITHHELD_REASONS = {
  classified: {
    label: { zh: '涉密不宜公开', en: 'Withheld: classified; not suitable for disclosure' },
    wordings: [
      '涉密不宜公开',
      '涉密内容不宜公开',
      '涉及国家秘密，不予公开',
      '涉密，不予公开',
      '涉密内容不予公开',
      '因涉及国家秘密不予公开',
      '此项涉密',
    ],
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

/** A wording as it is compared: NFKC (half-width punctuation), no spaces, no brackets around it, no full stop after it. */
function compareForm(text: string): string {
  const compact = text.normalize('NFKC').replace(/\s+/gu, '');
  const unbracketed = /^\((.*)\)[。.]?$/u.exec(compact)?.[1] ?? compact;
  return unbracketed.replace(/[。.]$/u, '');
}

const BY_WORDING = new Map<string, WithheldReasonCode>(
  WITHHELD_REASON_CODES.flatMap((code) =>
    WITHHELD_REASONS[code].wordings.map((wording) => [compareForm(wording), code] as const),
  ),
);

/** The reason a printed phrase withholds a part for, or null: 涉密内容不宜公开, （涉及国家秘密，不予公开。） → classified. */
export function withheldReasonOfText(text: string): WithheldReasonCode | null {
  return BY_WORDING.get(compareForm(text)) ?? null;
}

/**
 * Words that say a part is withheld, or may: a part whose text holds one and
 * is none of the known wordings needs a person's decision before it is
 * published either way (npm run import -- --withheld-wording / --not-withheld).
 */
export const WITHHOLDING_WORDS = /涉密|保密|不予公开|不宜公开/u;
