import XMLBuilder from 'fast-xml-builder';
import { XMLParser } from 'fast-xml-parser';
import { PARTS, SUBSECTIONS, FRONTMATTER, passageId } from '../domain/sections';
import type { BodyEntry } from '../content/read';
import type { GlossaryTerm } from '../schema/glossary';
import type { ProjectZh } from '../schema/project';
import { isWithheld } from '../schema/withheld';
import type { EnglishBodyEntry } from './english';
import { translateHeading } from '../i18n/english/sentences';
import { listHeadings, listPassages } from './derive';

/**
 * XLIFF 1.2 for translators' CAT tools (OmegaT, Trados, memoQ): one `<file>`
 * per project (`original` is its slug), one `trans-unit` per passage, its id
 * the passage's anchor. The `xliff` package writes no `state` on a target,
 * which a CAT tool needs to tell a translator's English from the site's, so
 * the XML is written and read with fast-xml-parser (docs/translation.md).
 */

type UnitState = 'needs-translation' | 'translated' | 'final';

export interface XliffUnit {
  /** The passage's anchor (`name-p1`, `basis-p2`, `funding-p1`), or a heading's (`content-platform`). */
  id: string;
  source: string;
  /** The English the site has (a translator's, a rule's or the memory's); null where it has none. */
  target: string | null;
  state: UnitState;
  notes: string[];
}

export interface XliffProject {
  slug: string;
  units: XliffUnit[];
}

const STATE_OF = {
  translator: 'final',
  rule: 'translated',
  memory: 'translated',
  none: 'needs-translation',
} as const;

const TITLES = new Map<string, string>([...PARTS, ...SUBSECTIONS].map((p) => [p.id, p.title]));

/** Every passage of a project that is not withheld, with the English the site has for it. */
export function listUnits(
  original: BodyEntry<ProjectZh>,
  english: EnglishBodyEntry,
  glossary: readonly GlossaryTerm[],
): XliffUnit[] {
  const units: XliffUnit[] = [];
  const add = (
    id: string,
    section: string,
    source: string,
    target: string,
    origin: keyof typeof STATE_OF,
    from: string | null,
  ) => {
    const terms = glossary.filter((term) => source.includes(term.zh));
    units.push({
      id,
      source,
      target: origin === 'none' ? null : target,
      state: STATE_OF[origin],
      notes: [
        `Section: ${TITLES.get(section) ?? section} (#${section})`,
        ...(origin === 'rule' ? ['English by rule: a translator may refine it (state final)'] : []),
        ...(origin === 'memory' && from ? [`From an earlier translation: ${from}`] : []),
        ...terms.map((term) => `Glossary: ${term.zh} = ${term.en}`),
      ],
    });
  };
  const zh = original.data;
  const en = english.data;
  const origin = (anchor: string) =>
    english.frontmatterOrigins[anchor] ?? { by: 'none' as const, from: null };
  const front = (anchor: string, section: string, source: string, target: string) =>
    add(anchor, section, source, target, origin(anchor).by, origin(anchor).from);
  front(passageId(FRONTMATTER.name.id, 1), FRONTMATTER.name.id, zh.name, en.name);
  const enBasis = en.basis;
  if (!isWithheld(zh.basis) && !isWithheld(enBasis))
    zh.basis.forEach((item, i) => {
      if (!item.withheld)
        front(
          passageId(FRONTMATTER.basis.id, i + 1),
          FRONTMATTER.basis.id,
          item.published,
          enBasis[i]?.published ?? '',
        );
    });
  const unit = zh.implementingUnit;
  const enUnit = en.implementingUnit;
  if (!isWithheld(unit) && !isWithheld(enUnit)) {
    const id = FRONTMATTER.implementingUnit.id;
    if (unit.supervisor) front(passageId(id, 1), id, unit.supervisor, enUnit.supervisor ?? '');
    front(passageId(id, unit.supervisor ? 2 : 1), id, unit.unit, enUnit.unit);
  }
  // Headings the template's registry does not name: the rules cannot give them, a translator can.
  const headings = new Map(listHeadings(english.body).map((h) => [h.id, h]));
  for (const heading of listHeadings(original.body)) {
    if (translateHeading(heading.text) !== null) continue;
    const target = headings.get(heading.id);
    const origin = !target?.english ? 'none' : english.derived ? 'rule' : 'translator';
    add(heading.id, heading.id, heading.text, target?.text ?? '', origin, null);
  }
  const targets = new Map(listPassages(english.body).map((p) => [`${p.section}-p${p.n}`, p]));
  for (const passage of listPassages(original.body)) {
    const anchor = passageId(passage.section, passage.n);
    const target = targets.get(anchor);
    add(
      anchor,
      passage.section,
      passage.text,
      target?.text ?? '',
      target?.origin ?? 'none',
      target?.from ?? null,
    );
  }
  return units;
}

/** One XLIFF 1.2 document for a publication's projects. */
export function writeXliff(projects: readonly XliffProject[]): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    suppressEmptyNode: false,
  });
  const xml = builder.build({
    xliff: {
      '@version': '1.2',
      '@xmlns': 'urn:oasis:names:tc:xliff:document:1.2',
      file: projects.map((project) => ({
        '@original': project.slug,
        '@source-language': 'zh-CN',
        '@target-language': 'en',
        '@datatype': 'plaintext',
        body: {
          'trans-unit': project.units.map((unit) => ({
            '@id': unit.id,
            source: unit.source,
            target: { '@state': unit.state, '#text': unit.target ?? '' },
            note: unit.notes,
          })),
        },
      })),
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

export interface ReadUnit {
  id: string;
  source: string;
  target: string;
  state: string;
}

/** The units of an XLIFF 1.2 document, by project; throws on a document that is not one. */
export function readXliff(xml: string): { slug: string; units: ReadUnit[] }[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['file', 'trans-unit', 'note'].includes(name),
    // A target is read as written: CAT tools keep the text's own spacing.
    trimValues: false,
    parseTagValue: false,
  });
  const document = parser.parse(xml) as {
    xliff?: {
      file?: { '@original'?: string; body?: { 'trans-unit'?: Record<string, unknown>[] } }[];
    };
  };
  if (!document.xliff?.file) throw new Error('not an XLIFF 1.2 document (no <xliff><file>)');
  const text = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && '#text' in value) {
      const inner = value['#text'];
      return typeof inner === 'string' || typeof inner === 'number' ? String(inner) : '';
    }
    return '';
  };
  return document.xliff.file.map((file) => ({
    slug: file['@original'] ?? '',
    units: (file.body?.['trans-unit'] ?? []).map((unit) => {
      const target = unit.target as { '@state'?: string } | string | undefined;
      return {
        id: typeof unit['@id'] === 'string' ? unit['@id'] : '',
        source: text(unit.source).trim(),
        target: text(target).trim(),
        state: typeof target === 'object' ? (target['@state'] ?? '') : '',
      };
    }),
  }));
}
