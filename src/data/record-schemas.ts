import { z } from 'astro/zod';
import { AmountYuanSchema, PublishedFigureSchema } from '../schema/amount';
import { FiscalYearSchema, SlugSchema } from '../schema/text';
import { WithheldReasonSchema } from '../schema/withheld';

/**
 * The shape of the open data files (/data/disclosures.json, per-project JSON,
 * and through them the CSV). The JSON Schema at /data/disclosures.schema.json
 * and the data dictionary page are generated from these schemas, so a field
 * documented there is a field in the files, and the other way round.
 *
 * Each field's metadata carries its description in English (`description`) and
 * Chinese (`x-description-zh`), and its unit where it has one (`x-unit`).
 */
interface FieldMeta {
  en: string;
  zh: string;
  unit?: { en: string; zh: string };
}

const meta = ({ en, zh, unit }: FieldMeta) => ({
  description: en,
  'x-description-zh': zh,
  ...(unit ? { 'x-unit': unit } : {}),
});

const YUAN = { en: 'yuan (CNY)', zh: '元（人民币）' };

const words = z.string().min(1);

/** A text in the original (zh) and in the unofficial translation (en). */
const localized = (what: FieldMeta) =>
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

const WithheldValueSchema = z
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
const orWithheldValue = <T extends z.ZodType>(schema: T) => z.union([schema, WithheldValueSchema]);

const AmountValueSchema = z
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

const url = z.url();
const urls = z
  .strictObject({
    zh: url.meta(
      meta({ en: 'Chinese page (the original, which prevails)', zh: '中文页面（原文，以此为准）' }),
    ),
    en: url.meta(
      meta({ en: 'English page (unofficial translation)', zh: '英文页面（非官方译文）' }),
    ),
  })
  .meta(meta({ en: 'Web pages', zh: '网页地址' }));

const SectionRecordSchema = z
  .strictObject({
    id: SlugSchema.meta(
      meta({
        en: 'Section anchor, the same for every project and both languages (#id on the page)',
        zh: '章节锚点，各项目、两种语言相同（页面地址 #id）',
      }),
    ),
    level: z
      .union([z.literal(2), z.literal(3)])
      .meta(meta({ en: '2 for a section, 3 for a subsection', zh: '2 为章节，3 为小节' })),
    title: localized({ en: 'Section heading', zh: '章节标题' }),
    withheld: z.union([WithheldValueSchema, z.null()]).meta(
      meta({
        en: 'Why the section is withheld; null when it is published',
        zh: '该章节不公开的原因；公开时为 null',
      }),
    ),
    text: z
      .strictObject({
        zh: z
          .array(words)
          .meta(meta({ en: 'Paragraphs in Chinese as published', zh: '中文原文段落' })),
        en: z.array(z.union([words, z.null()])).meta(
          meta({
            en: 'Paragraphs in English (unofficial); null where a paragraph has no English yet',
            zh: '英文段落（非官方）；尚无英文的段落为 null',
          }),
        ),
      })
      .meta(
        meta({
          en: 'The section’s own text, heading excluded; empty when withheld',
          zh: '本章节正文（不含标题）；不公开时为空',
        }),
      ),
  })
  .meta(
    meta({
      en: 'One section or subsection of the disclosure, in page order',
      zh: '公开文本中的一个章节或小节，按页面顺序',
    }),
  );

const BasisRecordSchema = z
  .strictObject({
    published: localized({
      en: 'The item as published, enumeration included',
      zh: '原文条目，含序号',
    }),
    number: z.union([words, z.null()]).meta(
      meta({
        en: 'Document number, in Chinese in both languages; null where the item has none',
        zh: '文号（两种语言均用中文）；无文号时为 null',
      }),
    ),
    issuer: z.union([localized({ en: 'Issuing body', zh: '发文机关' }), z.null()]).meta(
      meta({
        en: 'Issuing body; null where the text names none',
        zh: '发文机关；原文未写明时为 null',
      }),
    ),
    title: z.union([localized({ en: 'Document title', zh: '文件标题' }), z.null()]).meta(
      meta({
        en: 'Document title without 《》; null where the text gives none',
        zh: '文件标题（不含书名号）；原文未写明时为 null',
      }),
    ),
    withheld: z.union([WithheldValueSchema, z.null()]).meta(
      meta({
        en: 'Set where this item itself is withheld (its wording then says only so); null otherwise',
        zh: '该条立项依据本身不予公开时的说明；否则为 null',
      }),
    ),
  })
  .meta(
    meta({ en: 'One document or decision the project rests on (立项依据)', zh: '一项立项依据' }),
  );

/** What changed in a project in one version of the text (src/model/revisions.ts). */
const RevisionRecordSchema = z
  .strictObject({
    version: z
      .int()
      .positive()
      .meta(meta({ en: 'The version', zh: '版本' })),
    date: z.union([z.iso.date(), z.null()]).meta(
      meta({
        en: 'When the version was imported, YYYY-MM-DD; null where it was not recorded',
        zh: '该版本导入日期（YYYY-MM-DD）；未记录时为 null',
      }),
    ),
    revisedOn: z.union([z.iso.date(), z.null()]).meta(
      meta({
        en: 'When the publisher revised the text, YYYY-MM-DD, as recorded at import (--revised-on); null where it was not recorded',
        zh: '发布机关修订该文本的日期（YYYY-MM-DD，导入时记录）；未记录时为 null',
      }),
    ),
    note: z
      .union([words, z.null()])
      .meta(meta({ en: 'Why the text was revised, as noted', zh: '修订说明' })),
    noteEn: z.union([words, z.null()]).meta(
      meta({
        en: 'The note in English, as the person importing wrote it (--note-en); null where none was given',
        zh: '修订说明的英文（导入时 --note-en 所写）；未提供时为 null',
      }),
    ),
    added: z
      .boolean()
      .meta(meta({ en: 'The project is new in this version', zh: '本项目为该版新增' })),
    sections: z
      .array(
        z.strictObject({
          id: words.meta(meta({ en: 'Section id', zh: '章节标识' })),
          change: z.enum(['changed', 'withheld', 'disclosed', 'added', 'removed']).meta(
            meta({
              en: 'What happened to it: its text changed, it was withheld, disclosed, added or removed',
              zh: '变化类型：文字修改、改为不公开、改为公开、新增或删除',
            }),
          ),
        }),
      )
      .meta(
        meta({
          en: 'The sections that changed (the words are on the project page)',
          zh: '有变化的章节（具体文字见项目页面）',
        }),
      ),
    figures: z
      .array(
        z.strictObject({
          field: z
            .enum(['funding', 'estimate', 'period'])
            .meta(meta({ en: 'Which figure', zh: '哪一项数字' })),
          from: z.union([words, z.null()]).meta(
            meta({
              en: 'As published before; null where there was none, or where it is withheld now',
              zh: '修订前的原文表述；原无或现不予公开时为 null',
            }),
          ),
          to: z.union([words, z.null()]).meta(
            meta({
              en: 'As published in this version; null where there is none, or where it is withheld now',
              zh: '该版本的原文表述；无或现不予公开时为 null',
            }),
          ),
        }),
      )
      .meta(meta({ en: 'The figures that changed', zh: '有变化的数字' })),
  })
  .meta(meta({ en: 'One revision of the project', zh: '项目的一次修订' }));

const ProjectRecordSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)
      .meta(
        meta({
          en: 'Unique identifier: publication slug / project slug',
          zh: '唯一标识：公开文本标识/项目标识',
        }),
      ),
    publication: SlugSchema.meta(
      meta({ en: 'Slug of the publication the project belongs to', zh: '所属公开文本的标识' }),
    ),
    slug: SlugSchema.meta(
      meta({ en: 'Project slug, stable in every URL', zh: '项目标识，各地址中保持不变' }),
    ),
    order: z
      .int()
      .positive()
      .meta(
        meta({ en: 'Position in the published document, from 1', zh: '在原文中的顺序，从 1 开始' }),
      ),
    department: localized({ en: 'Publishing department', zh: '发布部门' }),
    fiscalYear: FiscalYearSchema.meta(
      meta({ en: 'Fiscal year of the budget', zh: '预算年度', unit: { en: 'year', zh: '年' } }),
    ),
    name: localized({ en: 'Project name (项目名称)', zh: '项目名称' }),
    amount: orWithheldValue(AmountValueSchema).meta(
      meta({
        en: 'This year’s budget for the project (资金安排情况)',
        zh: '本年度预算安排（资金安排情况）',
      }),
    ),
    fundingSource: z
      .union([localized({ en: 'Source of funds', zh: '资金来源' }), WithheldValueSchema, z.null()])
      .meta(
        meta({
          en: 'Where the money comes from, in the text’s words; null where the text names none',
          zh: '资金来源（原文表述）；原文未写明时为 null',
        }),
      ),
    fundingBreakdown: z
      .union([
        z.array(
          z
            .strictObject({
              source: localized({ en: 'Source of funds', zh: '资金来源' }),
              amount: AmountValueSchema,
            })
            .meta(meta({ en: 'One source with its amount', zh: '一项资金来源及其金额' })),
        ),
        z.null(),
      ])
      .meta(
        meta({
          en: 'The sources of several, with their amounts, which add up to the amount (其中：…); null where the text gives none or the amount is withheld',
          zh: '多项资金来源及各自金额（其中：…），合计等于本年度金额；原文未列明或金额不公开时为 null',
        }),
      ),
    procurementMethod: z
      .union([localized({ en: 'Procurement method', zh: '采购方式' }), z.null()])
      .meta(
        meta({
          en: 'How the work is bought (公开招标, 政府采购…), where the text says; never a source of funds; null where it does not',
          zh: '采购方式（公开招标、政府采购等），原文写明时才有，绝非资金来源；未写明时为 null',
        }),
      ),
    estimate: z.union([AmountValueSchema, z.null()]).meta(
      meta({
        en: 'Estimated total investment (投资估算); null where the text gives none',
        zh: '投资估算；原文未写明时为 null',
      }),
    ),
    period: z
      .strictObject({
        zh: words.meta(
          meta({
            en: 'The period as published, e.g. 2020年度 or 2021年4月至2022年8月',
            zh: '原文中的实施周期表述',
          }),
        ),
        en: z.union([words, z.null()]).meta(
          meta({
            en: 'The period in English where it is a date or a range of dates (FY2020, April 2021 to August 2022); null otherwise',
            zh: '实施周期为日期或日期范围时的英文表述；否则为 null',
          }),
        ),
      })
      .meta(
        meta({
          en: 'Implementation period (实施周期); the fiscal year is the publication’s (fiscalYear)',
          zh: '实施周期；所属年度见 fiscalYear',
        }),
      ),
    implementingUnit: orWithheldValue(
      z
        .strictObject({
          unit: localized({ en: 'Unit carrying out the project', zh: '实施单位' }),
          supervisor: z
            .union([localized({ en: 'Supervising department', zh: '主管部门' }), z.null()])
            .meta(
              meta({
                en: 'Supervising department; null where the text names none',
                zh: '主管部门；原文未写明时为 null',
              }),
            ),
        })
        .meta(
          meta({
            en: 'Who carries out and who supervises the project',
            zh: '项目实施单位及主管部门',
          }),
        ),
    ).meta(meta({ en: 'Implementing unit (项目实施单位)', zh: '项目实施单位' })),
    basis: orWithheldValue(z.array(BasisRecordSchema)).meta(
      meta({
        en: 'Basis for the project (立项依据), in published order',
        zh: '立项依据，按原文顺序',
      }),
    ),
    sections: z.array(SectionRecordSchema).meta(
      meta({
        en: 'Every section and subsection, in page order',
        zh: '全部章节和小节，按页面顺序',
      }),
    ),
    english: z
      .strictObject({
        passages: z
          .array(
            z.strictObject({
              anchor: z
                .string()
                .meta(meta({ en: 'The passage’s anchor on the page', zh: '段落锚点' })),
              origin: z.enum(['translator', 'rule', 'memory', 'none']).meta(
                meta({
                  en: 'Where its English came from: a translator, a fixed rule, the translation memory (an earlier translator’s English of the same text), or none yet',
                  zh: '英文来源：译者、固定规则、翻译记忆（已有译文），或尚无英文',
                }),
              ),
              from: z.union([z.string(), z.null()]).meta(
                meta({
                  en: 'For the translation memory: the address of the passage whose English it is; else null',
                  zh: '翻译记忆：所取译文段落的地址；否则为 null',
                }),
              ),
            }),
          )
          .meta(
            meta({
              en: 'Every passage that is not withheld, in page order',
              zh: '全部公开段落，按页面顺序',
            }),
          ),
        total: z
          .int()
          .nonnegative()
          .meta(meta({ en: 'Passages', zh: '段落数' })),
        translator: z
          .int()
          .nonnegative()
          .meta(meta({ en: 'In English by a translator', zh: '译者翻译的段落数' })),
        rule: z
          .int()
          .nonnegative()
          .meta(meta({ en: 'In English by rule', zh: '按规则生成英文的段落数' })),
        memory: z
          .int()
          .nonnegative()
          .meta(meta({ en: 'In English from the translation memory', zh: '取自翻译记忆的段落数' })),
        none: z
          .int()
          .nonnegative()
          .meta(meta({ en: 'Not yet in English', zh: '尚无英文的段落数' })),
      })
      .meta(
        meta({
          en: 'How much of the project is in English, and where each passage’s English came from',
          zh: '项目英文的覆盖情况及每段英文的来源',
        }),
      ),
    sectionsCounted: z
      .int()
      .nonnegative()
      .meta(
        meta({
          en: 'Sections and subsections counted for completeness (all but the project name)',
          zh: '计入完整度的章节和小节数（项目名称除外）',
          unit: { en: 'sections', zh: '个' },
        }),
      ),
    sectionsWithheld: z
      .int()
      .nonnegative()
      .meta(
        meta({
          en: 'Of those, how many are withheld',
          zh: '其中不公开的数量',
          unit: { en: 'sections', zh: '个' },
        }),
      ),
    url: urls,
    data: url.meta(
      meta({ en: 'This record as its own JSON file', zh: '本条记录的单独 JSON 文件' }),
    ),
    version: z
      .int()
      .positive()
      .meta(
        meta({
          en: 'The version of the published text this record is of (1 until the publisher corrects it)',
          zh: '本记录所据公开文本的版本（发布机关更正前为 1）',
        }),
      ),
    revisions: z.array(RevisionRecordSchema).meta(
      meta({
        en: 'What changed in the project in each later version of the text, newest first; empty where nothing did',
        zh: '此后各版本中本项目的变化，最新的在前；无变化时为空',
      }),
    ),
    earlierVersions: z.array(url).meta(
      meta({
        en: 'This project as each earlier version of the text had it, as JSON, oldest first (what is withheld now is withheld there too)',
        zh: '本项目在此前各版本中的记录（JSON），最早的在前（现不予公开的部分在其中同样不予公开）',
      }),
    ),
  })
  .meta(meta({ en: 'One project disclosure', zh: '一个项目的公开文本' }));

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);

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
