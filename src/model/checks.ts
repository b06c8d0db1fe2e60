import { RESERVED_SEGMENTS } from '../domain/urls';
import { publicationIdOfFile } from '../content/paths';
import type { Problem } from '../content/problems';
import type { Localized } from '../domain/locales';
import { compareNumbers, numbersIn } from '../domain/numbers';
import { FRONTMATTER_PARTS } from '../domain/sections';
import type { GlossaryTerm } from '../schema/glossary';
import type { ProjectZh } from '../schema/project';
import type { Publication } from '../schema/publication';
import type { ProjectTranslation } from '../schema/translation';
import { isWithheld } from '../schema/withheld';
import type { Entry } from '../content/read';
import { frontmatterParagraphs, frontmatterWithheld } from './frontmatter';
import type { Outline, OutlinedEntry, OutlineSection, Project } from './types';

/**
 * What the model checks that a schema of one file cannot: each check adds
 * what it finds to `problems` (with file, field and line where it can), so
 * that buildModel (src/model/build.ts) reports every problem at once.
 */

/** A publication's original text is in sources/ with the SHA-256 recorded, and its folder matches its department and year. */
export function checkPublication(
  entry: Entry<Publication>,
  sourceHashes: Record<string, string | undefined>,
  problems: Problem[],
): void {
  const id = publicationIdOfFile(entry.id);
  const { source } = entry.data;
  const actual = sourceHashes[source.file];
  if (actual === undefined) {
    problems.push({
      file: entry.filePath,
      path: 'source.file',
      message: `content/sources/${source.file} does not exist`,
    });
  } else if (actual !== source.sha256) {
    problems.push({
      file: entry.filePath,
      path: 'source.sha256',
      message: `content/sources/${source.file} has SHA-256 ${actual}, not the ${source.sha256} recorded here`,
    });
  }
  const checkFile = (file: { file: string; sha256: string }, path: string) => {
    const hash = sourceHashes[file.file];
    if (hash !== file.sha256)
      problems.push({
        file: entry.filePath,
        path,
        message:
          hash === undefined
            ? `content/sources/${file.file} does not exist`
            : `content/sources/${file.file} has SHA-256 ${hash}, not the ${file.sha256} recorded here`,
      });
  };
  if (source.original) checkFile(source.original, 'source.original');
  // Every version's files stay, as they were; the last version is the current one.
  const versions = entry.data.versions ?? [];
  versions.forEach((version, i) => {
    if (version.version !== i + 1)
      problems.push({
        file: entry.filePath,
        path: `versions.${i}.version`,
        message: `is ${version.version}; the versions are numbered 1, 2, 3… in order`,
      });
    checkFile(version.source, `versions.${i}.source`);
    if (version.source.original)
      checkFile(version.source.original, `versions.${i}.source.original`);
  });
  const last = versions.at(-1);
  if (last && (last.source.file !== source.file || last.source.sha256 !== source.sha256))
    problems.push({
      file: entry.filePath,
      path: `versions.${versions.length - 1}.source`,
      message: `is the current version, so its file is source's (${source.file})`,
    });
  const { en, preface, signature } = entry.data;
  if (en && preface && en.preface?.length !== preface.length)
    problems.push({
      file: entry.filePath,
      path: 'en.preface',
      message: `must translate the preface paragraph by paragraph (${preface.length} paragraph${preface.length === 1 ? '' : 's'})`,
    });
  if (en && signature?.issuer && !en.signatureIssuer)
    problems.push({
      file: entry.filePath,
      path: 'en.signatureIssuer',
      message: `must translate the signature's issuer (${signature.issuer})`,
    });
  if ((RESERVED_SEGMENTS as readonly string[]).includes(entry.data.departmentSlug))
    problems.push({
      file: entry.filePath,
      path: 'departmentSlug',
      message: `"${entry.data.departmentSlug}" is an address of the site itself (/${entry.data.departmentSlug}/); choose another slug`,
    });
  if (id !== `${entry.data.departmentSlug}/${entry.data.fiscalYear}`) {
    problems.push({
      file: entry.filePath,
      path: 'departmentSlug',
      message: `the folder must be content/${entry.data.departmentSlug}/${entry.data.fiscalYear}/ to match departmentSlug and fiscalYear`,
    });
  }
}

function sectionText(section: OutlineSection): string {
  return section.blocks.join('\n');
}

export function checkUnique(
  items: { file: string; value: string }[],
  path: string,
  what: string,
  problems: Problem[],
): void {
  const first = new Map<string, string>();
  for (const { file, value } of items) {
    const earlier = first.get(value);
    if (earlier !== undefined)
      problems.push({ file, path, message: `${what} "${value}" is already used by ${earlier}` });
    else first.set(value, file);
  }
}

export /**
 * The glossary holds across every translated disclosure: where a section's
 * Chinese uses a term, its English uses the term's one rendering (any case).
 */
function checkGlossary(
  project: Project,
  translation: OutlinedEntry<ProjectTranslation>,
  glossary: readonly GlossaryTerm[],
  problems: Problem[],
): void {
  for (const section of project.sections) {
    if (section.withheld) continue;
    let zh = [section.title.zh, ...section.paragraphs.zh].join('\n');
    const enText = [section.title.en, ...section.paragraphs.en].join('\n');
    const en = enText.toLowerCase();
    // Longest terms first: 重点人员布控 is its own term, not also an instance of 人员布控. Each use
    // of a term needs its rendering: one "public safety" does not cover a second 公共安全 rendered otherwise.
    const missing: GlossaryTerm[] = [];
    const count = (text: string, part: string) => text.split(part).length - 1;
    for (const term of [...glossary].sort((a, b) => b.zh.length - a.zh.length)) {
      const uses = count(zh, term.zh);
      if (uses === 0) continue;
      // A passage not yet translated keeps the Chinese, term and all: it has no rendering to check.
      if (count(en, term.en.toLowerCase()) + count(enText, term.zh) < uses) missing.push(term);
      zh = zh.replaceAll(term.zh, '\u0000');
    }
    if (missing.length === 0) continue;
    const heading = translation.outline.sections.find((s) => s.id === section.id)?.line;
    problems.push({
      file: translation.filePath,
      line: heading === undefined ? undefined : heading + translation.bodyStartLine - 1,
      path: `#${section.id}`,
      message: `the Chinese uses ${missing.map((t) => `${t.zh} (“${t.en}” in content/glossary.yaml)`).join(', ')}, but the English lacks ${missing.length === 1 ? 'that rendering' : 'those renderings'}`,
    });
  }
}

/** What must agree between an original and its translation, besides the numbers. */
export function checkTranslation(
  original: OutlinedEntry<ProjectZh>,
  translation: OutlinedEntry<ProjectTranslation>,
  problems: Problem[],
): void {
  // A name is translated, not explained: a gloss goes to an editor's note and the Terms page.
  const brackets = (text: string) => (text.match(/[(（[［]/gu) ?? []).length;
  if (brackets(translation.data.name) > brackets(original.data.name))
    problems.push({
      file: translation.filePath,
      path: 'name',
      message:
        'carries a gloss in brackets the Chinese name does not have; translate the name alone, and explain it in an editor’s note at its first use and in content/glossary.yaml',
    });
  const outlines: Localized<Outline> = { zh: original.outline, en: translation.outline };
  const files: Localized = { zh: original.filePath, en: translation.filePath };
  const data = original.data;
  // Both languages carry the same sections and the same withheld set.
  const shape = (o: Outline) =>
    o.sections
      .map((s) => `${'#'.repeat(s.level)}${s.id}${s.withheld ? `(withheld:${s.withheld})` : ''}`)
      .join(' ');
  if (shape(outlines.zh) !== shape(outlines.en)) {
    problems.push({
      line: translation.bodyStartLine,
      file: files.en,
      message: `sections differ from the Chinese original.\n      zh: ${shape(outlines.zh)}\n      en: ${shape(outlines.en)}`,
    });
  }
  const markerShape = (o: Outline) =>
    o.markers.map((m) => `#${m.sectionId ?? ''}:${m.reason}`).join(' ');
  if (markerShape(outlines.zh) !== markerShape(outlines.en)) {
    problems.push({
      line: translation.bodyStartLine,
      file: files.en,
      message: `withheld markers differ from the Chinese original (zh: ${markerShape(outlines.zh) || 'none'}; en: ${markerShape(outlines.en) || 'none'})`,
    });
  }
  for (const { id, field } of FRONTMATTER_PARTS) {
    if (frontmatterWithheld(data, id) !== frontmatterWithheld(translation.data, id)) {
      problems.push({
        file: files.en,
        path: field,
        message:
          'must be withheld exactly when the Chinese original withholds it, for the same reason',
      });
    }
  }
  if (!isWithheld(data.funding) !== !isWithheld(translation.data.funding)) {
    problems.push({
      file: files.en,
      path: 'funding',
      message: 'must be withheld exactly when the Chinese original withholds it',
    });
  }
  if (
    Array.isArray(data.basis) &&
    Array.isArray(translation.data.basis) &&
    data.basis.length !== translation.data.basis.length
  ) {
    problems.push({
      file: files.en,
      path: 'basis',
      message: `has ${translation.data.basis.length} items; the Chinese original has ${data.basis.length}`,
    });
  } else if (Array.isArray(data.basis) && Array.isArray(translation.data.basis)) {
    const en = translation.data.basis;
    data.basis.forEach((item, i) => {
      if (item.withheld !== en[i]?.withheld)
        problems.push({
          file: files.en,
          path: `basis.${i}.withheld`,
          message: item.withheld
            ? `must be withheld (${item.withheld}), as item ${i + 1} of the Chinese original is`
            : `item ${i + 1} is not withheld in the Chinese original`,
        });
    });
  }
}

/** The figures in the structured data (funding, estimate, period) are the figures in the published text. */
export function checkFigures(
  original: OutlinedEntry<ProjectZh>,
  files: Localized,
  problems: Problem[],
): void {
  const data = original.data;
  const sections = original.outline.sections;
  const zhSections = new Map(sections.map((s) => [s.id, s]));
  /** The text of a section with its subsections. */
  const under = (id: string) => {
    const start = sections.findIndex((s) => s.id === id);
    if (start < 0) return '';
    const end = sections.findIndex((s, i) => i > start && s.level <= sections[start]!.level);
    return sections
      .slice(start, end < 0 ? undefined : end)
      .map(sectionText)
      .join('\n');
  };
  const fundingSection = zhSections.get('funding');
  if (!isWithheld(data.funding)) {
    if (fundingSection && !sectionText(fundingSection).includes(data.funding.published)) {
      problems.push({
        file: files.zh,
        path: 'funding.published',
        message: `"${data.funding.published}" does not appear in the ## 资金安排情况 {#funding} section`,
      });
    }
    if (data.funding.source !== undefined && !original.body.includes(data.funding.source)) {
      problems.push({
        file: files.zh,
        path: 'funding.source',
        message: `"${data.funding.source}" does not appear in the published text`,
      });
    }
  } else if (fundingSection && !fundingSection.withheld) {
    problems.push({
      file: files.zh,
      path: 'funding',
      message: 'is withheld, so the #funding section must be withheld too',
    });
  }
  for (const [path, published] of [
    ['plan.estimate.published', data.plan.estimate?.published],
    ['plan.period.published', data.plan.period.published],
  ] as const) {
    if (published !== undefined && !under('plan').includes(published)) {
      problems.push({
        file: files.zh,
        path,
        message: `"${published}" does not appear in the ## 项目实施计划 {#plan} section`,
      });
    }
  }
}

/** Every number in a zh section appears in its en counterpart, and the reverse. */
export function checkNumbers(
  original: OutlinedEntry<ProjectZh>,
  translation: OutlinedEntry<ProjectTranslation>,
  files: Localized,
  problems: Problem[],
  /** Sections not compared: what the current text withholds, where `original` is an earlier version. */
  skip: ReadonlySet<string> = new Set(),
): void {
  const data = original.data;
  const outlines: Localized<Outline> = { zh: original.outline, en: translation.outline };
  const blocksOf = (locale: 'zh' | 'en', id: string): string[] => {
    const frontmatter = FRONTMATTER_PARTS.find((s) => s.id === id);
    const source = locale === 'zh' ? data : translation.data;
    if (frontmatter) return frontmatterParagraphs(source, frontmatter.id, locale);
    return outlines[locale].sections.find((s) => s.id === id)?.blocks ?? [];
  };
  for (const id of [
    ...FRONTMATTER_PARTS.map((s) => s.id),
    ...outlines.zh.sections.map((s) => s.id),
  ]) {
    if (skip.has(id)) continue;
    const { missingInEn, extraInEn } = compareNumbers(
      numbersIn(blocksOf('zh', id), 'zh'),
      numbersIn(blocksOf('en', id), 'en'),
    );
    if (missingInEn.length || extraInEn.length) {
      const heading = outlines.en.sections.find((section) => section.id === id)?.line;
      problems.push({
        file: files.en,
        // The English heading of the section, or (for a frontmatter section) the check finds its field.
        line: heading === undefined ? undefined : heading + translation.bodyStartLine - 1,
        path: `#${id}`,
        message: `numbers differ from the Chinese original${missingInEn.length ? `; missing ${missingInEn.join(', ')}` : ''}${extraInEn.length ? `; not in the original ${extraInEn.join(', ')}` : ''} (700万元 may be written 7 million or 7,000,000)`,
      });
    }
  }
}
