import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Parser } from 'htmlparser2';
import { LOCALES, type Locale } from '../domain/locales';
import { localePrefix, paths } from '../domain/urls';
import { toCsv } from '../data/csv';
import { DATA_FILES, projectDataPath } from '../data/records';
import type { Model, Project } from '../model/types';
import { hashCode, writeKept } from '../markdown/kept';
import { readSiteData } from './data-files';

/**
 * The output audit: the last step of a build, before dist/ is replaced. It
 * reads what was written and compares it with the model, so that no way of
 * losing content (a body that failed to render, a section dropped by a plugin,
 * a data file written from stale records) can publish less than the content
 * says. Every project page in each language must carry every section id and
 * every paragraph of the model; every data file must hold exactly the model's
 * records.
 */
export interface AuditProblem {
  /** The output file, relative to the build folder. */
  file: string;
  message: string;
}

/** Text with all white space removed: Chinese needs none to compare, and HTML reflows the rest. */
const compact = (text: string) => text.replace(/\s+/g, '');

/** Classes of what the site adds around a page's own text: controls and markers, not content. */
const ADDED = new Set(['section-link', 'passage-link', 'withheld', 'editor-note']);

/** What the audit reads of a project page. */
interface PageReading {
  ids: Set<string>;
  withheld: Set<string>;
  /** The text of the page's sections, without what the site adds around it. */
  text: string;
  hasSections: boolean;
  saysPending: boolean;
}

/**
 * Reads a page in one streaming pass of htmlparser2, building no tree: at
 * 20,000 pages, building each page's DOM and querying it took most of the
 * audit's time. The pages are the site's own well-formed HTML, so every open
 * tag has its close (htmlparser2 closes void elements at once).
 */
function readPage(html: string): PageReading {
  const reading: PageReading = {
    ids: new Set(),
    withheld: new Set(),
    text: '',
    hasSections: false,
    saysPending: false,
  };
  const text: string[] = [];
  let depth = 0;
  /** Depth of the open .sections element, and of the open added element inside it (0: none). */
  let sectionsAt = 0;
  let addedAt = 0;
  const parser = new Parser({
    onopentag(_, attributes) {
      depth++;
      if (attributes.id !== undefined) reading.ids.add(attributes.id);
      if (attributes['data-withheld'] !== undefined)
        reading.withheld.add(attributes['data-withheld']);
      if (attributes['data-translation-pending'] !== undefined) reading.saysPending = true;
      const classes = attributes.class?.split(/\s+/) ?? [];
      if (classes.includes('sections')) {
        reading.hasSections = true;
        if (!sectionsAt) sectionsAt = depth;
      }
      if (sectionsAt && !addedAt && classes.some((c) => ADDED.has(c))) addedAt = depth;
    },
    ontext(chunk) {
      if (sectionsAt && !addedAt) text.push(chunk);
    },
    onclosetag() {
      if (depth === addedAt) addedAt = 0;
      if (depth === sectionsAt) sectionsAt = 0;
      depth--;
    },
  });
  parser.end(html);
  reading.text = text.join('');
  return reading;
}

/** What the audit expects of one project page: everything its verdict on the page reads of the model. */
interface PageExpectation {
  /** The output file, relative to the build folder. */
  file: string;
  /** The English page of a project whose translation is pending. */
  pending: boolean;
  sections: { id: string; paragraphs: string[] }[];
  markers: { sectionId: string; reason: string }[];
}

function expectPage(project: Project, locale: Locale): PageExpectation {
  return {
    file: `${localePrefix(locale)}${paths.project(project.publication.data, project.slug)}index.html`,
    pending: locale === 'en' && project.translation === null,
    sections: project.sections.map((s) => ({ id: s.id, paragraphs: s.paragraphs[locale] })),
    markers: project.markers.map((m) => ({ sectionId: m.sectionId, reason: m.reason })),
  };
}

function checkPage(page: PageReading, expected: PageExpectation): AuditProblem[] {
  const { file } = expected;
  if (expected.pending) {
    // A pending translation: the page must say so, and must not pass the original off as English.
    return page.saysPending && !page.hasSections
      ? []
      : [{ file, message: 'the translation is pending, but the page does not say so' }];
  }
  const problems: AuditProblem[] = [];
  for (const section of expected.sections) {
    if (!page.ids.has(section.id))
      problems.push({ file, message: `section #${section.id} is missing` });
  }
  const text = compact(page.text);
  for (const section of expected.sections) {
    for (const paragraph of section.paragraphs) {
      if (!text.includes(compact(paragraph))) {
        problems.push({
          file,
          message: `section #${section.id} lacks the paragraph "${paragraph.slice(0, 40)}${paragraph.length > 40 ? '…' : ''}"`,
        });
      }
    }
  }
  for (const marker of expected.markers) {
    if (!page.withheld.has(marker.reason))
      problems.push({ file, message: `the withheld marker of #${marker.sectionId} is missing` });
  }
  return problems;
}

/**
 * The pages that passed the audit of the last build, each by a digest of all
 * its verdict depends on: the code (src/, the Astro config and the lock file,
 * as for kept renderings), what the model expects of the page, and the page's
 * bytes. The same digest gives the same verdict, so a page that Astro copied
 * unchanged from its page cache is not parsed again; a page whose bytes, or
 * whose content, differ in any way is. The file lists this build's passes only.
 */
export class AuditMemo {
  readonly #file: string;
  readonly #stamp: string;
  readonly #passed: ReadonlySet<string>;
  readonly #next = new Set<string>();
  /** Pages of this build found in the memo, and so not parsed. */
  vouched = 0;

  constructor(file: string, root: string) {
    this.#file = file;
    this.#stamp = hashCode(root);
    this.#passed = new Set(readDigests(file));
  }

  digest(expected: PageExpectation, page: Buffer): string {
    return createHash('sha256')
      .update(JSON.stringify([this.#stamp, expected]))
      .update('\0')
      .update(page)
      .digest('hex');
  }

  /** Whether a page of this digest passed the last build's audit; if so, it is kept for the next. */
  vouches(digest: string): boolean {
    if (!this.#passed.has(digest)) return false;
    this.vouched++;
    this.#next.add(digest);
    return true;
  }

  pass(digest: string): void {
    this.#next.add(digest);
  }

  /** Writes this build's passes for the next build. */
  save(): void {
    writeKept(this.#file, JSON.stringify([...this.#next]));
  }
}

/** The digests in a memo file; none if it is missing or is not a list of digests. */
function readDigests(file: string): string[] {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(value) && value.every((d) => typeof d === 'string') ? value : [];
  } catch {
    return [];
  }
}

function auditProjectPage(
  dist: string,
  project: Project,
  locale: Locale,
  memo: AuditMemo,
): AuditProblem[] {
  const expected = expectPage(project, locale);
  const full = join(dist, expected.file);
  if (!existsSync(full))
    return [{ file: expected.file, message: 'the project page was not written' }];
  const bytes = readFileSync(full);
  const digest = memo.digest(expected, bytes);
  if (memo.vouches(digest)) return [];
  const problems = checkPage(readPage(bytes.toString('utf8')), expected);
  if (problems.length === 0) memo.pass(digest);
  return problems;
}

function readJson(dist: string, file: string): unknown {
  const full = join(dist, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as unknown) : undefined;
}

/**
 * Every problem of a build in `dist` against the model it was built from;
 * empty when the output is whole. Pages the memo vouches for (passed by the
 * last build's audit byte for byte) are not parsed again; this build's passes
 * are recorded in it, and the caller saves it.
 */
export function auditOutput(
  dist: string,
  model: Model,
  siteUrl: string,
  basePath: string,
  memo: AuditMemo,
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  for (const project of model.projects) {
    for (const locale of LOCALES) problems.push(...auditProjectPage(dist, project, locale, memo));
  }
  const { file: expected, index } = readSiteData(model, siteUrl, basePath);
  if (!isDeepStrictEqual(readJson(dist, DATA_FILES.json), expected)) {
    problems.push({
      file: DATA_FILES.json,
      message: 'does not hold exactly the records of the model',
    });
  }
  if (!isDeepStrictEqual(readJson(dist, DATA_FILES.index), index)) {
    problems.push({
      file: DATA_FILES.index,
      message: 'does not hold exactly the index of the model',
    });
  }
  expected.projects.forEach((record, i) => {
    const file = projectDataPath(model.projects[i]!);
    if (!isDeepStrictEqual(readJson(dist, file), record))
      problems.push({ file, message: 'does not hold exactly the project’s record' });
  });
  const csv = join(dist, DATA_FILES.csv);
  if (!existsSync(csv) || readFileSync(csv, 'utf8') !== toCsv(expected.projects)) {
    problems.push({ file: DATA_FILES.csv, message: 'does not hold exactly the rows of the model' });
  }
  return problems;
}
