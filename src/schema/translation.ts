import { z } from 'astro/zod';
import { NameSchema, TextSchema } from './text';
import { orWithheld, WithheldReasonSchema, type Withheld } from './withheld';

/**
 * The frontmatter of a translation (en). Text only: every figure, year and
 * document number is taken from the Chinese original, so the schema has no
 * field that could hold one. The file pairs with the original of the same
 * name in the sibling `zh/` folder.
 */

/** One translated item of 立项依据. */
const BasisItemTranslationSchema = z.strictObject({
  /** The item's published wording, translated, e.g. (1) Rui Zheng Ban Fa [2019] No. 13: …. Left out, the site gives what English the rules and the translation memory can. */
  published: TextSchema.optional(),
  /** The issuing body, translated, where the original names one. */
  issuer: TextSchema.optional(),
  /** The document title, translated, where the original gives one. */
  title: TextSchema.optional(),
  /** Set exactly where the original's item is withheld, with the same reason. */
  withheld: WithheldReasonSchema.optional(),
});

const ImplementingUnitTranslationSchema = z.strictObject({
  /** 主管部门, translated. */
  supervisor: NameSchema.optional(),
  /** The implementing unit, translated (left out: the rules' English, else the Chinese, marked). */
  unit: NameSchema.optional(),
  /** The label before the unit, translated, e.g. Implementing unit. */
  unitLabel: TextSchema.optional(),
});

const FundingTranslationSchema = z.strictObject({
  /** The source of funds, translated (where the original names one). */
  source: TextSchema.optional(),
});

export const ProjectTranslationSchema = z.strictObject({
  /** 项目名称, translated (left out: the translation memory's English, else the Chinese, marked). */
  name: NameSchema.optional(),
  /** 立项依据, translated item by item (or withheld, as in the original). */
  basis: orWithheld(
    z
      .array(BasisItemTranslationSchema)
      .min(1, { error: 'needs at least one item (or `withheld: <reason>`)' }),
  ),
  /** 项目实施单位, translated (or withheld, as in the original). */
  implementingUnit: orWithheld(ImplementingUnitTranslationSchema),
  /** 资金安排情况: the source of funds, translated (or withheld, as in the original). */
  funding: orWithheld(FundingTranslationSchema),
  /**
   * The version of the Chinese text this translates, where the Chinese has been revised
   * since (npm run import -- --revise writes it). Left out, it translates the current one:
   * updating the translation means removing it.
   */
  translationOf: z.int().positive().optional(),
});

/** A translation file as written: a translator may leave any text out (npm run translate -- import does). */
export type ProjectTranslationFile = z.infer<typeof ProjectTranslationSchema>;

type BasisItemTranslation = z.infer<typeof BasisItemTranslationSchema> & { published: string };
type UnitTranslation = z.infer<typeof ImplementingUnitTranslationSchema> & { unit: string };

/**
 * A project's English as the site shows it: the translator's file with every
 * text it leaves out given by the rules or the translation memory, or in
 * Chinese (src/translate/english.ts); where each came from is recorded beside it.
 */
export type ProjectTranslation = Omit<
  ProjectTranslationFile,
  'name' | 'basis' | 'implementingUnit'
> & {
  name: string;
  basis: BasisItemTranslation[] | Withheld;
  implementingUnit: UnitTranslation | Withheld;
};
