import { z } from 'astro/zod';
import { FiscalYearSchema, SlugSchema } from '../schema/text';
import {
  AmountValueSchema,
  WithheldValueSchema,
  localized,
  meta,
  orWithheldValue,
  url,
  urls,
  words,
} from './record-fields';

/** One project's record in the open data: the project's fields, its sections, its basis and its revisions. */
export const SectionRecordSchema = z
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

export const ProjectRecordSchema = z
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
