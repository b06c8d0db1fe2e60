import { z } from 'astro/zod';
import { text } from './text';
import { orWithheld } from './withheld';

/**
 * The frontmatter of a translation (en). Text only: every figure, year and
 * document number is taken from the Chinese original, so the schema has no
 * field that could hold one. The file pairs with the original of the same
 * name in the sibling `zh/` folder.
 */

/** One translated item of 立项依据. */
export const basisItemTranslation = z.strictObject({
  /** The item's published wording, translated, e.g. (1) Rui Zheng Ban Fa [2019] No. 13: …. */
  published: text,
  /** The issuing body, translated, where the original names one. */
  issuer: text.optional(),
  /** The document title, translated, where the original gives one. */
  title: text.optional(),
});

export const implementingUnitTranslation = z.strictObject({
  /** 主管部门, translated. */
  supervisor: text.optional(),
  /** The implementing unit, translated. */
  unit: text,
  /** The label before the unit, translated, e.g. Implementing unit. */
  unitLabel: text.optional(),
});

export const fundingTranslation = z.strictObject({
  /** The source of funds, translated. */
  source: text,
});

export const projectTranslation = z.strictObject({
  /** 项目名称, translated. */
  name: text,
  /** 立项依据, translated item by item (or withheld, as in the original). */
  basis: orWithheld(z.array(basisItemTranslation).min(1, { error: 'needs at least one item (or `withheld: <reason>`)' })),
  /** 项目实施单位, translated (or withheld, as in the original). */
  implementingUnit: orWithheld(implementingUnitTranslation),
  /** 资金安排情况: the source of funds, translated (or withheld, as in the original). */
  funding: orWithheld(fundingTranslation),
});

export type ProjectTranslation = z.infer<typeof projectTranslation>;
