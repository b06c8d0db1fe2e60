import { z } from 'astro/zod';
import { formatWan, parsePublishedAmount } from '../domain/amount';

/**
 * An amount in whole yuan (元). Stored as an integer, never a float or a 万
 * figure: 700万元 is written 7000000.
 */
export const AmountYuanSchema = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'is required: the amount in whole yuan, e.g. 7000000 for 700万元'
        : `must be a number of yuan, e.g. 7000000 for 700万元; found ${JSON.stringify(issue.input)}`,
  })
  // First, so that 1e20 is called too large rather than "not a whole number" (it is not a safe integer).
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large to be a budget amount', abort: true })
  .int({ error: 'must be a whole number of yuan: one yuan is the smallest unit' })
  .positive({
    error: 'must be more than zero yuan (to withhold an amount, use `withheld: <reason>`)',
  });

/**
 * The figure as the publisher wrote it, in 万元, 元 or 亿元 (2012.95万元,
 * 3,500,000元, 1.2亿元) or in capital numerals (人民币叁佰伍拾万元整).
 */
export const PublishedFigureSchema = z
  .string({ error: 'is required: the figure as published, e.g. 700万元' })
  // As printed: full-width digits, commas and points included (the check reads them as their ASCII forms).
  .regex(
    /^(?:(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?(?:万元|元|亿元)|(?:人民币)?[壹贰叁肆伍陆柒捌玖拾][零〇壹贰叁肆伍陆柒捌玖拾佰仟万亿]*元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?)$/u,
    {
      error:
        'must be the figure as published, e.g. 700万元, 2012.95万元, 3,500,000元, 1.2亿元 or 人民币叁佰伍拾万元整',
    },
  );

/** The fields of an amount with its published wording, for objects that add more. */
export const publishedAmountShape = {
  /** The amount in whole yuan. */
  amountYuan: AmountYuanSchema,
  /** The same amount as published in 万元, e.g. 700万元. */
  published: PublishedFigureSchema,
};

/** Refinement: the published wording and amountYuan must agree to the yuan. */
export function checkAmountsAgree(
  value: { amountYuan: number; published: string },
  ctx: z.RefinementCtx,
): void {
  // An invalid amount has its own message; comparing it would only add noise.
  if (!Number.isSafeInteger(value.amountYuan) || value.amountYuan <= 0) return;
  if (parsePublishedAmount(value.published) !== value.amountYuan) {
    ctx.addIssue({
      code: 'custom',
      path: ['published'],
      message: `says ${value.published} but amountYuan ${value.amountYuan} is ${formatWan(value.amountYuan)}`,
    });
  }
}

/** An amount with its published wording. */
export const PublishedAmountSchema = z
  .strictObject(publishedAmountShape)
  .superRefine(checkAmountsAgree);

export type PublishedAmount = z.infer<typeof PublishedAmountSchema>;
