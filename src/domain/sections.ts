/**
 * The eight-part template of 预算重点领域财政项目文本公开: the one registry of
 * its parts and their standard subsections. Each has the id that every page,
 * anchor and data file uses for it, the title the template prints, the other
 * wordings bureaus print for the same part (资金安排 for 资金安排情况), and
 * where a content file holds it (frontmatter fields, or `##`/`###` sections of
 * the body). The importer, the body rules, the model, the views and the
 * generator all read it; nothing else spells a part's id or title.
 */
export const PARTS = [
  {
    id: 'name',
    title: '项目名称',
    en: 'Project name',
    in: 'frontmatter',
    field: 'name',
    wordings: [],
  },
  {
    id: 'basis',
    title: '立项依据',
    en: 'Basis for the project',
    in: 'frontmatter',
    field: 'basis',
    wordings: ['项目立项依据'],
  },
  {
    id: 'implementing-unit',
    title: '项目实施单位',
    en: 'Implementing unit',
    in: 'frontmatter',
    field: 'implementingUnit',
    wordings: ['实施单位', '项目实施单位及主管部门', '实施单位及主管部门'],
  },
  {
    id: 'overview',
    title: '项目基本概况',
    en: 'Project overview',
    in: 'body',
    subsections: true,
    wordings: ['基本概况', '项目概况'],
  },
  {
    id: 'content',
    title: '项目实施内容',
    en: 'Scope of work',
    in: 'body',
    subsections: true,
    wordings: ['实施内容'],
  },
  {
    id: 'funding',
    title: '资金安排情况',
    en: 'Funding arrangements',
    in: 'body',
    subsections: false,
    wordings: ['资金安排', '项目资金安排', '项目资金安排情况'],
  },
  {
    id: 'plan',
    title: '项目实施计划',
    en: 'Implementation plan',
    in: 'body',
    subsections: true,
    wordings: ['实施计划'],
  },
  {
    id: 'outcomes',
    title: '项目实施成效',
    en: 'Project outcomes',
    in: 'body',
    subsections: false,
    wordings: ['实施成效', '预期成效', '项目预期成效'],
  },
] as const;

type Part = (typeof PARTS)[number];
export type PartId = Part['id'];
export type FrontmatterPart = Extract<Part, { in: 'frontmatter' }>;
export type FrontmatterPartId = FrontmatterPart['id'];
export type BodyPartId = Extract<Part, { in: 'body' }>['id'];

/** The parts written in a disclosure's frontmatter, in published order. */
export const FRONTMATTER_PARTS = PARTS.filter((p): p is FrontmatterPart => p.in === 'frontmatter');

/** The parts a disclosure's body holds as its `##` sections, in published order. */
export const BODY_PARTS: BodyPartId[] = PARTS.filter(
  (p): p is Extract<Part, { in: 'body' }> => p.in === 'body',
).map((p) => p.id);

/** A frontmatter part by its field: `FRONTMATTER.implementingUnit.id` is `implementing-unit`. */
export const FRONTMATTER = {
  name: PARTS[0],
  basis: PARTS[1],
  implementingUnit: PARTS[2],
} as const;

/**
 * The subsections the template prints under parts 4 and 7, with their standard ids.
 * A subsection the template does not name gets `<part>-<n>` from the importer.
 */
export const SUBSECTIONS = [
  {
    id: 'feasibility',
    title: '项目可行性',
    en: 'Project feasibility',
    part: 'overview',
    wordings: ['可行性'],
  },
  {
    id: 'approach',
    title: '总体思路',
    en: 'Overall approach',
    part: 'overview',
    wordings: ['项目总体思路'],
  },
  {
    id: 'method',
    title: '实施方式',
    en: 'Implementation method',
    part: 'overview',
    wordings: ['项目实施方式'],
  },
  {
    id: 'scale',
    title: '建设规模',
    en: 'Scale of construction',
    part: 'plan',
    wordings: ['项目建设规模'],
  },
  {
    id: 'estimate',
    title: '投资估算',
    en: 'Investment estimate',
    part: 'plan',
    wordings: ['项目投资估算'],
  },
  {
    id: 'period',
    title: '实施周期',
    en: 'Implementation period',
    part: 'plan',
    wordings: ['项目实施周期'],
  },
] as const;

export type SubsectionId = (typeof SUBSECTIONS)[number]['id'];

/** The standard subsection with this title or one of its wordings (项目可行性, 可行性 → feasibility), or undefined. */
export function subsectionOfTitle(title: string): (typeof SUBSECTIONS)[number] | undefined {
  return SUBSECTIONS.find(
    (s) => s.title === title || (s.wordings as readonly string[]).includes(title),
  );
}

/**
 * Every wording of a part's or subsection's title that bureaus print, longest
 * first (项目实施单位及主管部门 before 项目实施单位), so that a heading is read
 * by the whole of its title: the template's title and the `wordings` above.
 * docs/content.md lists them.
 */
export function listWordings<T extends { title: string; wordings: readonly string[] }>(
  entries: readonly T[],
): { entry: T; wording: string }[] {
  return entries
    .flatMap((entry) => [entry.title, ...entry.wordings].map((wording) => ({ entry, wording })))
    .sort((a, b) => b.wording.length - a.wording.length);
}

/** Ids a project page gives its own elements besides the sections: the contents and main landmarks. */
const PAGE_IDS = ['toc-heading', 'main'] as const;

/** Ids a body's sections may not take: the frontmatter parts' and the page's own. */
export const RESERVED_IDS: readonly string[] = [...FRONTMATTER_PARTS.map((p) => p.id), ...PAGE_IDS];

/** The anchor of a section's n-th paragraph or list item (from 1), the same in both languages: `feasibility-p1`. */
export const passageId = (sectionId: string, n: number) => `${sectionId}-p${n}`;

/** The anchor of a section's n-th heading below `###`: `content-h1`. */
export const subheadingId = (sectionId: string, n: number) => `${sectionId}-h${n}`;
