import { z } from 'astro/zod';
import { AmountYuanSchema, PublishedFigureSchema } from '../schema/amount';
import { WithheldReasonSchema } from '../schema/withheld';

/**
 * The fields the open data's records share (src/data/record-schemas.ts says what the records are):
 * each field's metadata carries its description in English (`description`) and Chinese
 * (`x-description-zh`), and its unit where it has one (`x-unit`).
 */
interface FieldMeta {
  en: string;
  zh: string;
  unit?: { en: string; zh: string };
}

export const meta = ({ en, zh, unit }: FieldMeta) => ({
  description: en,
  'x-description-zh': zh,
  ...(unit ? { 'x-unit': unit } : {}),
});

export const YUAN = { en: 'yuan (CNY)', zh: '元（人民币）' };

export const words = z.string().min(1);

/** A text in the original (zh) and in the unofficial translation (en). */
export const localized = (what: FieldMeta) =>
  z
    .strictObject({
      zh: words.meta(
        meta({ en: `${what.en}, in Chinese as published`, zh: `${what.zh}（中文原文）` }),
      ),
      en: z.union([words, z.null()]).meta(
        meta({
          en: `${what.en}, in the unofficial English translation; null while the translation is pending`,
          zh: `${what.zh}（非官方英文译文）；译文待完成时为 null`,
        }),
      ),
    })
    .meta(meta(what));

export const WithheldValueSchema = z
  .strictObject({
    withheld: WithheldReasonSchema.meta(
      meta({
        en: 'Reason code from the registry on the withheld-content page, e.g. classified',
        zh: '不公开原因代码，见“未公开内容”页，如 classified',
      }),
    ),
    label: localized({ en: 'What the reason says', zh: '原因的表述' }),
    explanation: z.url().meta(
      meta({
        en: 'Page that explains the reason and its legal basis',
        zh: '解释该原因及其法律依据的页面',
      }),
    ),
  })
  .meta(
    meta({
      en: 'Stands in place of a value the publisher withheld: never an empty string or 0',
      zh: '代替发布机关未公开的内容：绝不是空字符串或 0',
    }),
  );

/** A value, or a withheld marker in its place (the open-data form of schema/withheld.ts orWithheld). */
export const orWithheldValue = <T extends z.ZodType>(schema: T) =>
  z.union([schema, WithheldValueSchema]);

export const AmountValueSchema = z
  .strictObject({
    yuan: AmountYuanSchema.meta(
      meta({ en: 'The amount in whole yuan', zh: '金额，以元为单位的整数', unit: YUAN }),
    ),
    currency: z
      .literal('CNY')
      .meta(meta({ en: 'ISO 4217 currency code', zh: 'ISO 4217 货币代码' })),
    published: PublishedFigureSchema.meta(
      meta({
        en: 'The amount as published: in 万元 (10,000 yuan), 元 or 亿元 (100 million yuan)',
        zh: '原文中的金额表述（万元、元或亿元）',
      }),
    ),
  })
  .meta(meta({ en: 'An amount of money', zh: '金额' }));

export const url = z.url();
export const urls = z
  .strictObject({
    zh: url.meta(
      meta({ en: 'Chinese page (the original, which prevails)', zh: '中文页面（原文，以此为准）' }),
    ),
    en: url.meta(
      meta({ en: 'English page (unofficial translation)', zh: '英文页面（非官方译文）' }),
    ),
  })
  .meta(meta({ en: 'Web pages', zh: '网页地址' }));

export const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
