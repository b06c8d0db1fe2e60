import { parse } from 'yaml';
import { PARTS } from '../domain/sections';
import { generateContent, type GenerateOptions } from './synthetic';

/**
 * A publication as a finance bureau publishes it, in the eight-part template
 * (the importer's input), from the seeded generator: the same disclosures
 * the generator writes as content files, printed as one text. Seeded and
 * deterministic, and fictitious like the rest ("合成市").
 */
export interface TemplateText {
  /** The whole text, title line first, one line per paragraph. */
  text: string;
  department: string;
  year: number;
  /** The projects' names, in order. */
  names: string[];
}

/** The template's part titles, in order. */
const TITLES: string[] = PARTS.map((p) => p.title);

interface Frontmatter {
  name: string;
  basis: { published: string }[];
  implementingUnit: { supervisor?: string; unit: string; unitLabel?: string };
}

/** One publication of `count` projects, as its text. */
export function generateTemplate(
  options: Omit<GenerateOptions, 'perPublication' | 'years'>,
): TemplateText {
  const files = generateContent({ ...options, perPublication: options.count, years: 1 });
  const projects = [...files.entries()]
    .filter(([path]) => /\/zh\/p\d+\.md$/.test(path))
    .sort(([a], [b]) => a.localeCompare(b));
  const publication = parse(
    [...files.entries()].find(([p]) => p.endsWith('publication.yaml'))![1],
  ) as {
    department: string;
    fiscalYear: number;
    title: string;
  };
  const lines = [publication.title];
  const names: string[] = [];
  for (const [, text] of projects) {
    const [, yaml, body] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text)!;
    const data = parse(yaml!) as Frontmatter;
    names.push(data.name);
    const unit = data.implementingUnit;
    lines.push(
      `1、${TITLES[0]!}`,
      data.name,
      `2、${TITLES[1]!}`,
      ...data.basis.map((item) => item.published),
      `3、${TITLES[2]!}`,
      ...(unit.supervisor ? [`主管部门：${unit.supervisor}`] : []),
      unit.unitLabel ? `${unit.unitLabel}：${unit.unit}` : unit.unit,
    );
    let part = 3;
    for (const block of body!
      .split('\n\n')
      .map((b) => b.trim())
      .filter(Boolean)) {
      if (block.startsWith('## ')) lines.push(`${++part}、${TITLES[part - 1]!}`);
      else if (block.startsWith('### '))
        lines.push(block.slice(4).replace(/\s*\{#[a-z0-9-]+\}$/, ''));
      else if (block.startsWith('::withheld')) lines.push('涉密不宜公开');
      else lines.push(block);
    }
  }
  return {
    text: `${lines.join('\n')}\n`,
    department: publication.department,
    year: publication.fiscalYear,
    names,
  };
}
