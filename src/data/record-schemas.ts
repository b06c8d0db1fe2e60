import { z } from 'astro/zod';
import { AmountYuanSchema } from '../schema/amount';
import { FiscalYearSchema, SlugSchema } from '../schema/text';
import {
  AmountValueSchema,
  SHA256,
  WithheldValueSchema,
  YUAN,
  localized,
  meta,
  url,
  urls,
  words,
} from './record-fields';
import { ProjectRecordSchema, SectionRecordSchema } from './project-record';

/**
 * The shape of the open data files (/data/disclosures.json, per-project JSON,
 * and through them the CSV). The JSON Schema at /data/disclosures.schema.json
 * and the data dictionary page are generated from these schemas, so a field
 * documented there is a field in the files, and the other way round.
 *
 * Each field's metadata carries its description in English (`description`) and
 * Chinese (`x-description-zh`), and its unit where it has one (`x-unit`).
 */

/** One version of a publication's text, and where its files are, if they are still offered. */
const VersionFilesRecordSchema = z
  .strictObject({
    version: z
      .int()
      .positive()
      .meta(meta({ en: 'Version of the text, 1 first', zh: '原文版本号，自 1 起' })),
    date: z.union([z.iso.date(), z.null()]).meta(
      meta({
        en: 'When it was imported; null where not recorded',
        zh: '导入日期；未记录时为 null',
      }),
    ),
    revisedOn: z.union([z.iso.date(), z.null()]).meta(
      meta({
        en: 'When the publisher published it (its revision date, or the original’s publication date); null where not recorded',
        zh: '发布机关发布该版本的日期（修订日期或原文发布日期）；未记录时为 null',
      }),
    ),
    current: z.boolean().meta(meta({ en: 'The current version', zh: '是否为现行版本' })),
    sha256: SHA256.meta(meta({ en: 'SHA-256 of its text file', zh: '其文本文件的 SHA-256 值' })),
    url: z.union([url, z.null()]).meta(
      meta({
        en: 'Its text file; null where it is no longer offered',
        zh: '其文本文件；不再提供时为 null',
      }),
    ),
    originalSha256: z.union([SHA256, z.null()]).meta(
      meta({
        en: 'SHA-256 of the file as published (a PDF, a Word file, a web page); null where the text is that file',
        zh: '发布机关公布的原始文件（PDF、Word、网页等）的 SHA-256 值；文本即原始文件时为 null',
      }),
    ),
    originalUrl: z.union([url, z.null()]).meta(
      meta({
        en: 'The file as published; null where there is none or it is no longer offered',
        zh: '发布机关公布的原始文件；无此文件或不再提供时为 null',
      }),
    ),
    withheldSince: z.union([z.int().positive(), z.null()]).meta(
      meta({
        en: 'Where a later version withholds a part this one disclosed: that version, and the files are not offered; else null',
        zh: '此版本公开过、其后版本不予公开的内容自第几版起不予公开（此时不再提供其文件）；否则为 null',
      }),
    ),
  })
  .meta(meta({ en: 'One version of the text', zh: '原文的一个版本' }));

const PublicationRecordSchema = z
  .strictObject({
    slug: SlugSchema.meta(
      meta({ en: 'Stable identifier of the publication', zh: '公开文本的稳定标识' }),
    ),
    department: localized({ en: 'Publishing department', zh: '发布部门' }),
    region: z.union([localized({ en: 'Where the department is', zh: '所在地区' }), z.null()]).meta(
      meta({
        en: 'Where the department is; null where it is not recorded',
        zh: '所在地区；未记录时为 null',
      }),
    ),
    fiscalYear: FiscalYearSchema.meta(
      meta({ en: 'Fiscal year', zh: '预算年度', unit: { en: 'year', zh: '年' } }),
    ),
    title: localized({ en: 'Document title', zh: '文件标题' }),
    source: z
      .strictObject({
        url: url.meta(meta({ en: 'The original text, byte for byte', zh: '原文文本，逐字节一致' })),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .meta(meta({ en: 'SHA-256 of the original text file', zh: '原文文件的 SHA-256 值' })),
        originalUrl: z.union([url, z.null()]).meta(
          meta({
            en: 'The original government page; null where not recorded',
            zh: '原始政府网页地址；未记录时为 null',
          }),
        ),
        publishedOn: z.union([z.iso.date(), z.null()]).meta(
          meta({
            en: 'When the publisher published it; null where not recorded',
            zh: '原文发布日期；未记录时为 null',
          }),
        ),
        retrievedOn: z.union([z.iso.date(), z.null()]).meta(
          meta({
            en: 'When this copy was taken; null where not recorded',
            zh: '本站获取原文的日期；未记录时为 null',
          }),
        ),
        archiveUrl: z.union([url, z.null()]).meta(
          meta({
            en: 'An archived copy of the original page; null where not recorded',
            zh: '原始网页的存档地址；未记录时为 null',
          }),
        ),
      })
      .meta(meta({ en: 'The original text as published', zh: '原文' })),
    versions: z.array(VersionFilesRecordSchema).meta(
      meta({
        en: 'Every version of the text, oldest first; the last is the current one',
        zh: '原文的各个版本，按先后排列；最后一项为现行版本',
      }),
    ),
    withdrawn: z
      .array(
        z
          .strictObject({
            slug: SlugSchema.meta(
              meta({ en: 'Its address segment, kept', zh: '其地址段（保留）' }),
            ),
            name: words.meta(
              meta({
                en: 'Its name, as the last version that had it printed it',
                zh: '项目名称（以列有此项目的最后一版为准）',
              }),
            ),
            lastVersion: z
              .int()
              .positive()
              .meta(meta({ en: 'The last version that had it', zh: '列有此项目的最后一版' })),
            withdrawnIn: z
              .int()
              .positive()
              .meta(meta({ en: 'The first version without it', zh: '不再列入此项目的第一版' })),
            url: urls,
          })
          .meta(meta({ en: 'A withdrawn project', zh: '不再列入的项目' })),
      )
      .meta(
        meta({
          en: 'Projects an earlier version had and the current one does not; each address says so',
          zh: '早前版本列有、现行版本不再列入的项目；其原地址页面说明去向',
        }),
      ),
    totalYuan: z
      .int()
      .nonnegative()
      .meta(
        meta({ en: 'Sum of the disclosed project amounts', zh: '已公开项目金额合计', unit: YUAN }),
      ),
    projects: z
      .int()
      .nonnegative()
      .meta(meta({ en: 'Number of projects', zh: '项目数', unit: { en: 'projects', zh: '个' } })),
    url: urls,
  })
  .meta(
    meta({
      en: 'One department’s disclosure for one fiscal year',
      zh: '一个部门一个年度的公开文本',
    }),
  );

export const DisclosuresFileSchema = z
  .strictObject({
    $schema: url.meta(meta({ en: 'The JSON Schema of this file', zh: '本文件的 JSON Schema' })),
    updated: z.iso.date().meta(
      meta({
        en: 'When the site’s content last changed (from the content, not the build clock)',
        zh: '本站内容最近更新日期（取自内容，而非构建时间）',
      }),
    ),
    currency: z.literal('CNY').meta(meta({ en: 'Currency of every amount', zh: '所有金额的币种' })),
    totalsByYear: z
      .array(
        z.strictObject({
          fiscalYear: FiscalYearSchema.meta(meta({ en: 'Fiscal year', zh: '年度' })),
          totalYuan: z
            .int()
            .nonnegative()
            .meta(
              meta({
                en: 'Sum of the year’s published project amounts, computed by this site (printed in no text); years are never added together',
                zh: '该年度各项目公开金额之和，由本站计算（原文中没有此数）；不同年度不相加',
                unit: YUAN,
              }),
            ),
          projects: z
            .int()
            .nonnegative()
            .meta(
              meta({
                en: 'Projects that year',
                zh: '该年度项目数',
                unit: { en: 'projects', zh: '个' },
              }),
            ),
          withheldAmounts: z
            .int()
            .nonnegative()
            .meta(
              meta({
                en: 'Projects whose amount is withheld, and so not in the sum',
                zh: '金额未公开、因而不计入合计的项目数',
                unit: { en: 'projects', zh: '个' },
              }),
            ),
        }),
      )
      .meta(meta({ en: 'Totals by fiscal year, newest first', zh: '按年度的合计，最新的在前' })),
    publications: z
      .array(PublicationRecordSchema)
      .meta(meta({ en: 'Every publication', zh: '全部公开文本' })),
    projects: z.array(ProjectRecordSchema).meta(
      meta({
        en: 'Every project, by publication and published order',
        zh: '全部项目，按公开文本及原文顺序',
      }),
    ),
  })
  .meta(meta({ en: 'Every disclosure on this site', zh: '本站全部公开文本' }));

/** One light record per project for portal widgets: what a list needs, and where the rest is. */
const IndexRecordSchema = z
  .strictObject({
    id: ProjectRecordSchema.shape.id,
    publication: ProjectRecordSchema.shape.publication,
    slug: ProjectRecordSchema.shape.slug,
    fiscalYear: ProjectRecordSchema.shape.fiscalYear,
    department: ProjectRecordSchema.shape.department,
    name: ProjectRecordSchema.shape.name,
    amountYuan: z.union([AmountYuanSchema, z.null()]).meta(
      meta({
        en: 'This year’s budget in whole yuan; null where it is withheld',
        zh: '本年度预算（元）；不公开时为 null',
        unit: YUAN,
      }),
    ),
    estimateYuan: z.union([AmountYuanSchema, z.null()]).meta(
      meta({
        en: 'Estimated total investment (投资估算) in whole yuan; null where the text gives none',
        zh: '投资估算（元）；原文未写明时为 null',
        unit: YUAN,
      }),
    ),
    amountPublished: z.union([z.string(), z.null()]).meta(
      meta({
        en: 'This year’s budget as the text prints it (1.05亿元, 2360000元); null where it is withheld',
        zh: '本年度预算的原文写法（如1.05亿元、2360000元）；不公开时为 null',
      }),
    ),
    estimatePublished: z.union([z.string(), z.null()]).meta(
      meta({
        en: 'The estimated total investment as the text prints it; null where the text gives none',
        zh: '投资估算的原文写法；原文未写明时为 null',
      }),
    ),
    sectionsWithheld: ProjectRecordSchema.shape.sectionsWithheld,
    translationPending: z.boolean().meta(
      meta({
        en: 'True while some passage of the project has no English yet (its English page shows that passage in Chinese, marked)',
        zh: '项目尚有段落无英文时为 true（英文页面以中文显示该段并加标注）',
      }),
    ),
    url: ProjectRecordSchema.shape.url,
    data: ProjectRecordSchema.shape.data,
  })
  .meta(meta({ en: 'One project, in brief', zh: '一个项目的简要记录' }));

export const IndexFileSchema = z
  .strictObject({
    $schema: url.meta(meta({ en: 'The JSON Schema of this file', zh: '本文件的 JSON Schema' })),
    updated: DisclosuresFileSchema.shape.updated,
    currency: DisclosuresFileSchema.shape.currency,
    projects: z.array(IndexRecordSchema).meta(
      meta({
        en: 'Every project, by publication and published order; the full record is at its `data` address',
        zh: '全部项目，按公开文本及原文顺序；完整记录见各自的 data 地址',
      }),
    ),
  })
  .meta(
    meta({
      en: 'A light index of every disclosure, for portal widgets',
      zh: '全部公开文本的简要索引，供门户网站调用',
    }),
  );

export type WithheldValue = z.infer<typeof WithheldValueSchema>;
export type AmountValue = z.infer<typeof AmountValueSchema>;
export type SectionRecord = z.infer<typeof SectionRecordSchema>;
export type ProjectRecord = z.infer<typeof ProjectRecordSchema>;
export type PublicationRecord = z.infer<typeof PublicationRecordSchema>;
export type DisclosuresFile = z.infer<typeof DisclosuresFileSchema>;
export type IndexFile = z.infer<typeof IndexFileSchema>;

/** `data/<department>/<year>/<slug>.v<n>.json`: the project as an earlier version of the text had it. */
export const VersionRecordSchema = z.strictObject({
  id: z.string(),
  version: z.int().positive(),
  /** The project's current record. */
  current: url,
  name: words,
  amount: z.union([AmountValueSchema, WithheldValueSchema]),
  estimate: z.union([AmountValueSchema, z.null()]),
  period: z.union([words, z.null()]),
  sections: z.array(
    z.strictObject({
      id: words,
      title: words,
      text: z.union([z.string(), z.null()]),
      withheld: z.union([WithheldValueSchema, z.null()]),
    }),
  ),
});

export type VersionRecord = z.infer<typeof VersionRecordSchema>;
