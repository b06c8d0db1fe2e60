import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { checkContent } from '../check/check';
import { readContent, type BodyEntry } from '../content/read';
import { compareNumbers, numbersInBlock } from '../domain/numbers';
import { FRONTMATTER } from '../domain/sections';
import type { ProjectZh } from '../schema/project';
import { isWithheld } from '../schema/withheld';
import {
  deriveEnglishBody,
  listHeadings,
  listPassages,
  writeHeading,
  writeParagraph,
} from '../translate/derive';
import { completeTranslations, type EnglishBodyEntry } from '../translate/english';
import {
  listUnits,
  readXliff,
  writeXliff,
  type ReadUnit,
  type XliffUnit,
} from '../translate/xliff';

/**
 * `npm run translate -- export <department>/<year> [--out <file.xlf>]` and
 * `npm run translate -- import <file.xlf>`: a publication's passages out to a
 * translator's CAT tool as XLIFF 1.2, and the translator's English back into
 * `en/*.md`. The import writes only what a translator gave (a target changed,
 * or marked final), keeps everything else of an existing file (editor's
 * notes, hand refinements), and writes nothing unless the whole content then
 * passes the same checks as `npm run check` (numbers, withheld, glossary).
 */

interface Project {
  original: BodyEntry<ProjectZh>;
  english: EnglishBodyEntry;
  /** `content/`-relative paths of its files. */
  zhFile: string;
  enFile: string;
}

function readProjects(contentDir: string, base: string) {
  const { content, problems } = readContent(contentDir);
  if (problems.length > 0)
    throw new Error(
      `the content has problems; run npm run check first:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`,
    );
  const english = new Map(completeTranslations(content, base).map((e) => [e.id, e]));
  const projects = new Map<string, Project>();
  for (const original of content.disclosures) {
    const key = original.id.replace('/zh/', '/');
    const en = english.get(original.id.replace('/zh/', '/en/'));
    if (en)
      projects.set(key, {
        original,
        english: en,
        zhFile: `${original.id}.md`,
        enFile: `${original.id.replace('/zh/', '/en/')}.md`,
      });
  }
  return { content, projects };
}

/** The XLIFF of one publication (`<department>/<year>`); throws where there is none. */
export function exportXliff(
  contentDir: string,
  publication: string,
  base: string,
): { xml: string; units: number } {
  const { content, projects } = readProjects(contentDir, base);
  const chosen = [...projects].filter(([key]) =>
    key.startsWith(`${publication.replace(/\/$/, '')}/`),
  );
  if (chosen.length === 0)
    throw new Error(
      `no publication ${publication} in the content (expected <department-slug>/<year>, e.g. ruili-psb/2020)`,
    );
  chosen.sort((a, b) => a[1].original.data.order - b[1].original.data.order);
  const files = chosen.map(([key, project]) => ({
    slug: key,
    units: listUnits(project.original, project.english, content.glossary),
  }));
  return { xml: writeXliff(files), units: files.reduce((n, f) => n + f.units.length, 0) };
}

/**
 * Whether a unit brings a translator's English: a target that differs from the site's, or
 * the site's rule or memory English marked final (reviewed). A translator's own English
 * sent back unchanged brings nothing.
 */
function isTranslators(unit: ReadUnit, current: XliffUnit): boolean {
  if (unit.target === '') return false;
  if (unit.target !== (current.target ?? '')) return true;
  return (unit.state === 'final' || unit.state === 'signed-off') && current.state !== 'final';
}

/** A translator's units written into the project's English file: its text as it will be. */
function writeEnglishFile(
  contentDir: string,
  project: Project,
  given: Map<string, string>,
): string {
  const enPath = join(contentDir, project.enFile);
  const zh = project.original.data;
  const exists = existsSync(enPath);
  const text = exists ? readFileSync(enPath, 'utf8') : null;
  const split = text === null ? null : /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  const doc = split ? parseDocument(split[1]!) : new Document({});
  let body = split ? split[2]! : deriveEnglishBody(project.original.body, () => null, 'original');

  if (!exists) {
    // A new file says only what the translator gave; the site fills the rest as before.
    // As YAML collections, so that the translator's texts can be set inside them.
    doc.set(
      'basis',
      doc.createNode(
        isWithheld(zh.basis)
          ? zh.basis
          : zh.basis.map((item) => (item.withheld ? { withheld: item.withheld } : {})),
      ),
    );
    doc.set(
      'implementingUnit',
      doc.createNode(isWithheld(zh.implementingUnit) ? zh.implementingUnit : {}),
    );
    doc.set('funding', doc.createNode(isWithheld(zh.funding) ? zh.funding : {}));
  }

  const unit = zh.implementingUnit;
  for (const [id, target] of given) {
    if (id === `${FRONTMATTER.name.id}-p1`) doc.set('name', target);
    const basis = new RegExp(`^${FRONTMATTER.basis.id}-p(\\d+)$`).exec(id);
    if (basis) doc.setIn(['basis', Number(basis[1]) - 1, 'published'], target);
    const units = new RegExp(`^${FRONTMATTER.implementingUnit.id}-p(\\d+)$`).exec(id);
    if (units && !isWithheld(unit))
      doc.setIn(
        ['implementingUnit', unit.supervisor && units[1] === '1' ? 'supervisor' : 'unit'],
        target,
      );
  }
  // Body passages and headings from the last, so that the offsets of the earlier ones hold.
  const places = [
    ...listPassages(body).map((p) => ({
      ...p,
      write: (text: string) => writeParagraph(text),
      id: `${p.section}-p${p.n}`,
    })),
    ...listHeadings(body).map((h) => ({
      ...h,
      write: (text: string) => writeHeading(h.depth, text, h.id),
    })),
  ].sort((a, b) => b.start - a.start);
  for (const place of places) {
    const target = given.get(place.id);
    if (target !== undefined)
      body = `${body.slice(0, place.start)}${place.write(target)}${body.slice(place.end)}`;
  }
  // Lines as long as they come: the YAML is read by people diffing a translator's changes.
  return `---\n${doc.toString({ lineWidth: 0 }).trimEnd()}\n---\n\n${body.trimStart()}`;
}

export interface ImportOutcome {
  written: string[];
  problems: string[];
}

/** Imports a translator's XLIFF; writes nothing unless every unit and the whole content pass. */
export async function importXliff(
  contentDir: string,
  xml: string,
  base: string,
): Promise<ImportOutcome> {
  const { content, projects } = readProjects(contentDir, base);
  const problems: string[] = [];
  const files = new Map<string, string>();
  for (const file of readXliff(xml)) {
    const project = projects.get(file.slug);
    if (!project) {
      problems.push(`<file original="${file.slug}">: no such project in the content`);
      continue;
    }
    const current = new Map(
      listUnits(project.original, project.english, content.glossary).map((u) => [u.id, u]),
    );
    const given = new Map<string, string>();
    for (const unit of file.units) {
      const known = current.get(unit.id);
      if (!known) {
        problems.push(
          `${file.slug}#${unit.id}: no such passage (withheld, or the text has changed since the export)`,
        );
        continue;
      }
      if (unit.source !== known.source) {
        problems.push(
          `${file.slug}#${unit.id}: the Chinese has changed since the export; export again`,
        );
        continue;
      }
      if (!isTranslators(unit, known)) continue;
      const { missingInEn, extraInEn } = compareNumbers(
        numbersInBlock(unit.source, 'zh'),
        numbersInBlock(unit.target, 'en'),
      );
      if (missingInEn.length || extraInEn.length) {
        problems.push(
          `${file.slug}#${unit.id}: source "${unit.source}"${missingInEn.length ? `; the target lacks ${missingInEn.join(', ')}` : ''}${extraInEn.length ? `; the target has ${extraInEn.join(', ')}, which the source does not` : ''}`,
        );
        continue;
      }
      given.set(unit.id, unit.target);
    }
    if (given.size === 0) continue;
    files.set(project.enFile, writeEnglishFile(contentDir, project, given));
    const zhText = readFileSync(join(contentDir, project.zhFile), 'utf8');
    // A translator's file exists now: the original no longer says its translation is pending.
    if (/^translation: pending\n/m.test(zhText))
      files.set(project.zhFile, zhText.replace(/^translation: pending\n/m, ''));
  }
  if (problems.length > 0) return { written: [], problems };

  // The whole content with these files, checked as npm run check checks it, before anything is written.
  const trial = mkdtempSync(join(tmpdir(), 'translate-'));
  try {
    cpSync(contentDir, trial, {
      recursive: true,
      filter: (source) => !source.includes('/.import'),
    });
    for (const [file, text] of files) {
      mkdirSync(dirname(join(trial, file)), { recursive: true });
      writeFileSync(join(trial, file), text);
    }
    const result = await checkContent(trial);
    if (result.problems.length > 0)
      return {
        written: [],
        problems: result.problems.map(
          (p) => `${p.file.replace(trial, 'content')}${p.line ? `:${p.line}` : ''}: ${p.message}`,
        ),
      };
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
  for (const [file, text] of files) {
    const path = join(contentDir, file);
    mkdirSync(dirname(path), { recursive: true });
    const staged = join(dirname(path), `.${Date.now()}.translate.tmp`);
    writeFileSync(staged, text);
    renameSync(staged, path);
  }
  return { written: [...files.keys()], problems: [] };
}
