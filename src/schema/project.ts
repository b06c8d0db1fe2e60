import { z } from 'astro/zod';
import { checkAmountsAgree, PublishedAmountSchema, publishedAmountShape } from './amount';
import { NameSchema, SlugSchema, TextSchema } from './text';
import { orWithheld, WithheldReasonSchema } from './withheld';
import { stripEnumeration } from '../domain/enumeration';
import { PUBLICATION_SEGMENTS } from '../domain/urls';
import { PROCUREMENT_METHOD_NAMES } from '../domain/funding-terms';
import {
  WITHHELD_REASONS,
  withheldReasonOfText,
  WITHHOLDING_WORDS,
} from '../domain/withheld-reasons';

/**
 * The frontmatter of a disclosure in its original language (zh). All figures
 * live here and nowhere else; the narrative sections are the Markdown body.
 */

/** One item of 立项依据, the documents the project rests on. */
const BasisItemSchema = z
  .strictObject({
    /** The item exactly as published, including its enumeration, e.g. （一）、瑞政办发（2019）13号：…. */
    published: TextSchema,
    /** The document number as published, e.g. 瑞政办发（2019）13号. */
    number: TextSchema.optional(),
    /** The issuing body, where the text names one. */
    issuer: TextSchema.optional(),
    /** The document title without its 《》 marks, where the text gives one. */
    title: TextSchema.optional(),
    /**
     * Set where the item itself is withheld (`（二）、涉密不宜公开` among items that are
     * not): the page shows the marker in its place.
     */
    withheld: WithheldReasonSchema.optional(),
  })
  .superRefine((item, ctx) => {
    if (item.withheld !== undefined) {
      const printed = stripEnumeration(item.published).normalize('NFKC').replace(/\s+/g, '');
      // A wording of the registry's, or one a person decided withholds it (npm run import -- --withheld-wording).
      if (withheldReasonOfText(printed) !== item.withheld && !WITHHOLDING_WORDS.test(printed))
        ctx.addIssue({
          code: 'custom',
          path: ['published'],
          message: `a withheld item says only that it is withheld (${WITHHELD_REASONS[item.withheld].label.zh}), not "${item.published}"`,
        });
      for (const key of ['number', 'issuer', 'title'] as const)
        if (item[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'a withheld item has nothing but its wording and reason',
          });
    }
    // Structured parts are read off the published wording, so they must stand in it.
    for (const key of ['number', 'issuer', 'title'] as const) {
      const part = item[key];
      if (part !== undefined && !item.published.includes(part)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${part}" does not appear in the published wording`,
        });
      }
    }
  });

/** 项目实施单位: who supervises and who carries out the project. */
const ImplementingUnitSchema = z.strictObject({
  /** 主管部门, the supervising department, where the text names one. */
  supervisor: NameSchema.optional(),
  /** 实施单位 or 项目单位, the unit carrying out the project. */
  unit: NameSchema,
  /** The label the text puts before the unit, e.g. 项目实施单位 or 项目单位; absent where the text gives the name alone. */
  unitLabel: TextSchema.optional(),
});

/** One source of funds under 其中, with its amount. */
const FundingPartSchema = z
  .strictObject({
    /** The source, in the text's words, e.g. 省级补助资金. */
    source: TextSchema,
    ...publishedAmountShape,
  })
  .superRefine(checkAmountsAgree);

/** 资金安排情况: this year's budget for the project. */
const FundingSchema = z
  .strictObject({
    /** This year's budget in whole yuan (amountYuan) and as published in 万元 (published). */
    ...publishedAmountShape,
    /**
     * Where the money comes from, in the text's words, e.g. 财政预算非税安排经费: a source of
     * funds only, never how the work is bought (procurementMethod).
     */
    source: TextSchema.optional(),
    /** The sources of several, with their amounts (其中：省级补助资金200万元，…), which add up to the amount. */
    breakdown: z.array(FundingPartSchema).min(2).optional(),
  })
  .superRefine(checkAmountsAgree)
  .superRefine((funding, ctx) => {
    if (!funding.breakdown) return;
    const sum = funding.breakdown.reduce((a, part) => a + part.amountYuan, 0);
    if (sum !== funding.amountYuan)
      ctx.addIssue({
        code: 'custom',
        path: ['breakdown'],
        message: `the sources add up to ${sum} yuan, but the amount is ${funding.amountYuan} yuan`,
      });
  });

/** The facts a content file records with the place in the original they were read from. */
const EVIDENCE_FACTS = [
  'amount',
  'source',
  'breakdown',
  'procurement',
  'estimate',
  'period',
  'implementingUnit',
] as const;
export type EvidenceFact = (typeof EVIDENCE_FACTS)[number];

/** 项目实施计划: the structured parts of the plan (its narrative is in the body). */
const PlanSchema = z.strictObject({
  /** 投资估算: estimated total investment, where the text gives one. */
  estimate: PublishedAmountSchema.optional(),
  /**
   * 实施周期: the period the project runs in, as published (2020年度,
   * 2021年4月至2022年8月). No year is read out of it: the fiscal year is the
   * publication's, from its title.
   */
  period: z.strictObject({
    /** The period as published. */
    published: TextSchema,
  }),
});

export const ProjectZhSchema = z.strictObject({
  /** Stable URL segment of the project; unique within its publication. */
  slug: SlugSchema.refine((slug) => !(PUBLICATION_SEGMENTS as readonly string[]).includes(slug), {
    error: (issue) =>
      `"${String(issue.input)}" is an address of the publication itself (…/${String(issue.input)}/); choose another slug`,
  }),
  /** Position in the published document, from 1. */
  order: z
    .int({ error: 'must be a whole number from 1' })
    .positive({ error: 'must be a whole number from 1' }),
  /** 项目名称, exactly as published. */
  name: NameSchema,
  /** 立项依据: the documents the project rests on, in published order. */
  basis: orWithheld(
    z.array(BasisItemSchema).min(1, { error: 'needs at least one item (or `withheld: <reason>`)' }),
  ),
  /** 项目实施单位. */
  implementingUnit: orWithheld(ImplementingUnitSchema),
  /** 资金安排情况. */
  funding: orWithheld(FundingSchema),
  /**
   * How the work is bought, where the text says (本项目采用公开招标方式实施): one of the
   * reviewed procurement methods. Never a source of funds.
   */
  procurementMethod: z.enum(PROCUREMENT_METHOD_NAMES).optional(),
  /** 项目实施计划, structured parts. */
  plan: PlanSchema,
  /**
   * Where each structured fact was read, as the importer found it: `line 27`,
   * `page 2, line 5`, `paragraph 12` of the file as published.
   */
  evidence: z.partialRecord(z.enum(EVIDENCE_FACTS), TextSchema).optional(),
  /**
   * `pending` while no English translation exists (the importer writes it): the
   * English page then says so, shows the figures and links to this original.
   */
  translation: z
    .literal('pending', {
      error: 'can only be `pending` (or left out once the translation exists)',
    })
    .optional(),
});

export type ProjectZh = z.infer<typeof ProjectZhSchema>;
export type BasisItem = z.infer<typeof BasisItemSchema>;
export type ImplementingUnit = z.infer<typeof ImplementingUnitSchema>;
