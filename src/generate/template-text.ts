import { parse } from 'yaml';
import { PARTS } from '../domain/sections';

/**
 * A publication's disclosures printed as the finance bureau prints them: the
 * eight-part template, one line per paragraph, part titles numbered, withheld
 * parts saying 涉密不宜公开. The generator writes it as each publication's
 * original text; the importer reads it back.
 */

/** The template's part titles, in order. */
const TITLES: string[] = PARTS.map((p) => p.title);

interface Frontmatter {
  name: string;
  basis: { published: string }[] | { withheld: string };
  implementingUnit:
    { supervisor?: string; unit: string; unitLabel?: string } | { withheld: string };
}

/** The text of a publication: its title, then each project's Chinese file (frontmatter and body), in order. */
export function templateText(title: string, projects: readonly string[]): string {
  const lines = [title];
  for (const file of projects) {
    const [, yaml, body] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(file)!;
    const data = parse(yaml!) as Frontmatter;
    const basis =
      'withheld' in data.basis ? ['涉密不宜公开'] : data.basis.map((item) => item.published);
    const unit = data.implementingUnit;
    lines.push(
      `1、${TITLES[0]!}`,
      data.name,
      `2、${TITLES[1]!}`,
      ...basis,
      `3、${TITLES[2]!}`,
      ...('withheld' in unit
        ? ['涉密不宜公开']
        : [
            ...(unit.supervisor ? [`主管部门：${unit.supervisor}`] : []),
            unit.unitLabel ? `${unit.unitLabel}：${unit.unit}` : unit.unit,
          ]),
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
  return `${lines.join('\n')}\n`;
}
