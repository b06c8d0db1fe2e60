import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMillions, toWan } from '../domain/amount';
import { LOCALES, type Locale } from '../domain/locales';
import { numbersInBlock } from '../domain/numbers';
import { localePrefix, pageUrl, paths } from '../domain/urls';
import { DATA_FILES } from '../data/records';
import type { Model, Project } from '../model/types';
import { projectText, publicationText } from '../model/localize';
import { t } from '../i18n';
import { readJsonDigests, readSiteData } from './data-files';
import type { AuditMemo } from './audit-memo';
import { compact, readPage, type PageReading } from './read-page';
import { sha256, sha256File } from '../files/kept';

/**
 * The output audit: the last step of a build, before dist/ is replaced. It
 * reads what was written and compares it with the model, so that no way of
 * publishing other than the content says (a body that failed to render, a
 * section dropped or doubled by a plugin, a page kept from an earlier build, a
 * data file written from stale records) reaches the published site. It checks
 * equality, not presence: on every project page, in each language,
 *
 * - each section's heading and text equal the model's, section by section:
 *   nothing missing, nothing added;
 * - a withheld section holds its marker and nothing else;
 * - every figure outside the sections (summary, contents, breadcrumb, pager)
 *   is one of the project's own;
 * - every link stays on the site or goes to a host the content or the
 *   site's settings name, and no script runs;
 *
 * and every data file holds exactly the model's records.
 */
interface AuditProblem {
  /** The output file, relative to the build folder. */
  file: string;
  message: string;
}

/** What the audit expects of one project page: everything its verdict on the page reads of the model. */
interface PageExpectation {
  /** The output file, relative to the build folder. */
  file: string;
  locale: Locale;
  /** The English page of a project whose translation is pending. */
  pending: boolean;
  sections: { id: string; title: string; text: string; markers: string[]; withheld: boolean }[];
  /** Every number the page may show outside its sections, normalised as numbersInBlock gives them. */
  figures: readonly string[];
  /** Where links may go besides the site itself. */
  links: LinkRules;
}

/** The addresses a page may link to, besides its own site. */
export interface LinkRules {
  /** The site's origin (SITE_URL). */
  origin: string;
  /** Hosts the content or the site's settings name (the operator's pages, a body's links). */
  hosts: string[];
  /** mailto: addresses the settings give (the operator's contact). */
  mailto: string[];
}

/** Every address a rendered body links to. The bodies are the site's own HTML, with attributes in double quotes. */
function linksOfHtml(html: string | null): string[] {
  return html === null ? [] : [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
}

/** Hosts of the http(s) addresses among `links`. */
function hostsOf(links: readonly string[]): string[] {
  return links.flatMap((link) => {
    // Most are on the page (#id) or the site (/…): parsing them only to fail cost seconds at 10,000 projects.
    if (!/^\s*https?:/i.test(link)) return [];
    try {
      const url = new URL(link);
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.host] : [];
    } catch {
      return [];
    }
  });
}

/** Every fixed string of an interface dictionary (its functions give the model's figures, checked as such). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsOf);
}

/** The numbers of a project's own texts and figures: what a page about it may show outside its sections. */
function figuresOf(project: Project): string[] {
  const figures = new Set<string>();
  const add = (text: string | null | undefined) => addNumbersOf(figures, [text]);
  const publication = project.publication;
  for (const locale of LOCALES) {
    const text = projectText(project, locale);
    add(text.name);
    add(text.fundingSource);
    for (const part of text.fundingBreakdown ?? []) {
      add(part.source);
      add(part.published);
      figures
        .add(String(part.amountYuan))
        .add(toWan(part.amountYuan))
        .add(toMillions(part.amountYuan));
    }
    if (Array.isArray(text.basis))
      for (const item of text.basis) [item.published, item.number, item.title].forEach(add);
    if ('unit' in text.implementingUnit) add(text.implementingUnit.unit);
    if ('supervisor' in text.implementingUnit) add(text.implementingUnit.supervisor);
    for (const s of project.sections) [s.title[locale], ...s.paragraphs[locale]].forEach(add);
  }
  // The pager and breadcrumb name the publication and its other projects.
  for (const number of readPublicationFigures(publication)) figures.add(number);
  const { plan } = project.original;
  for (const locale of LOCALES) add(t(locale).period(plan.period.published));
  add(plan.estimate?.published);
  for (const yuan of [project.amountYuan, plan.estimate?.amountYuan]) {
    if (yuan === null || yuan === undefined) continue;
    figures.add(String(yuan)).add(toWan(yuan)).add(toMillions(yuan));
  }
  // The interface's own words (查看原文及其SHA-256校验值) are not the project's, but are the site's.
  for (const number of readInterfaceFigures()) figures.add(number);
  for (const n of [publication.data.fiscalYear, project.sectionsCounted, project.sectionsWithheld])
    figures.add(String(n));
  // The English page counts its passages by where their English came from.
  for (const n of Object.values(project.english.counts)) figures.add(String(n));
  figures.add(String(project.english.counts.total - project.english.counts.none));
  // The revision history shows the earlier versions' words and figures (never a withheld part's: src/model/revisions.ts).
  for (const revision of project.revisions) {
    figures.add(String(revision.version));
    [revision.date, revision.revisedOn, revision.note].forEach(add);
    for (const figure of revision.figures) [figure.from, figure.to].forEach(add);
    for (const change of revision.sections) for (const part of change.diff ?? []) add(part.text);
  }
  if (project.outdatedTranslation) figures.add(String(project.outdatedTranslation.of));
  // The citation: the original's SHA-256, and each version's number and the bureau's date.
  add(publication.data.source.sha256);
  for (const version of publication.versions) {
    figures.add(String(version.version));
    add(version.revisedOn);
  }
  // A page of a revised text says which version it shows.
  figures.add(String(project.publication.versions.length));
  return [...figures].sort();
}

/** The numbers in a publication's department and its projects' names, in both languages: the same for each of its projects. */
const publicationFigures = new WeakMap<Project['publication'], readonly string[]>();
function readPublicationFigures(publication: Project['publication']): readonly string[] {
  let numbers = publicationFigures.get(publication);
  if (!numbers) {
    const texts = LOCALES.flatMap((locale) => [
      publicationText(publication, locale).department,
      ...publication.projects.map((sibling) => projectText(sibling, locale).name),
    ]);
    numbers = numbersInTexts(texts);
    publicationFigures.set(publication, numbers);
  }
  return numbers;
}

/** The numbers in the interface's own words, in both languages: the same for every page, so read once. */
let interfaceFigures: readonly string[] | undefined;
function readInterfaceFigures(): readonly string[] {
  interfaceFigures ??= numbersInTexts(LOCALES.flatMap((locale) => stringsOf(t(locale))));
  return interfaceFigures;
}

/** Adds to `into` the numbers of these texts, each read as either language writes it. */
function addNumbersOf(
  into: Set<string>,
  texts: readonly (string | null | undefined)[],
): Set<string> {
  for (const text of texts)
    if (text)
      for (const locale of LOCALES) for (const n of numbersInBlock(text, locale)) into.add(n);
  return into;
}

/** The numbers of these texts, each once. */
const numbersInTexts = (texts: readonly (string | null | undefined)[]): string[] => [
  ...addNumbersOf(new Set(), texts),
];

/** What both pages of a project may show: its figures, and the hosts its bodies link to. */
interface ProjectExpectation {
  figures: readonly string[];
  bodyHosts: readonly string[];
}

function expectProject(project: Project): ProjectExpectation {
  const bodyLinks = [...linksOfHtml(project.bodyHtml.zh), ...linksOfHtml(project.bodyHtml.en)];
  return { figures: figuresOf(project), bodyHosts: hostsOf(bodyLinks) };
}

function expectPage(
  project: Project,
  locale: Locale,
  links: LinkRules,
  { figures, bodyHosts }: ProjectExpectation,
  basePath: string,
): PageExpectation {
  // The citation gives the page's own address.
  const address = new URL(
    pageUrl(basePath, locale, paths.project(project.publication.data, project.slug)),
    links.origin,
  ).href;
  return {
    file: `${localePrefix(locale)}${paths.project(project.publication.data, project.slug)}index.html`,
    locale,
    pending: locale === 'en' && project.bodyHtml.en === null,
    sections: project.sections.map((s) => ({
      id: s.id,
      title: compact(s.title[locale]),
      text: compact(s.paragraphs[locale].join('')),
      markers: project.markers.filter((m) => m.sectionId === s.id).map((m) => m.reason),
      withheld: s.withheld !== null,
    })),
    figures: [...new Set([...figures, ...numbersInTexts([address])])],
    links: {
      ...links,
      hosts: [...new Set([...links.hosts, ...bodyHosts])].sort(),
    },
  };
}

/** Whether a page may carry this address: on the site, or to a host or address the content or settings name. */
function isAllowedLink(link: string, rules: LinkRules): boolean {
  const value = link.trim();
  if (value === '' || value.startsWith('#')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined && !value.startsWith('//')) return true;
  if (scheme === 'mailto') return rules.mailto.includes(value);
  let url: URL;
  try {
    url = new URL(value, rules.origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.origin === new URL(rules.origin).origin || rules.hosts.includes(url.host);
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Where a page's text first parts from the content's, with a little of each from there. */
function describeDifference(page: string, content: string): string {
  let at = 0;
  while (at < page.length && page[at] === content[at]) at++;
  const from = Math.max(0, at - 10);
  const excerpt = (text: string) =>
    at >= text.length ? '(the end)' : `"${from > 0 ? '…' : ''}${shorten(text.slice(from))}"`;
  return `the page has ${excerpt(page)} where the content has ${excerpt(content)}`;
}

function checkPage(page: PageReading, expected: PageExpectation): AuditProblem[] {
  const { file } = expected;
  const problems: AuditProblem[] = [];
  const problem = (message: string) => problems.push({ file, message });
  for (const link of page.links)
    if (!isAllowedLink(link, expected.links))
      problem(`links to ${shorten(link)}, which neither the site nor its content names`);
  if (page.scripts > 0) problem('carries a script; project pages ship none');
  const allowed = new Set(expected.figures);
  for (const run of page.outside) {
    const stray = [...numbersInBlock(run, expected.locale)].filter((n) => !allowed.has(n));
    if (stray.length > 0)
      problem(
        `shows ${stray.join(', ')} in "${shorten(run)}", which is not a figure of the project`,
      );
  }
  if (expected.pending) {
    // A pending translation: the page must say so, and must not pass the original off as English.
    if (!page.saysPending || page.hasSections)
      problem('the translation is pending, but the page does not say so');
    return problems;
  }
  const found = [...page.sections.keys()];
  const missing = expected.sections.filter((s) => !page.sections.has(s.id));
  for (const { id } of missing) problem(`section #${id} is missing`);
  if (missing.length === 0 && found.join() !== expected.sections.map((s) => s.id).join())
    problem(`sections are out of order: ${found.map((id) => `#${id}`).join(', ')}`);
  for (const section of expected.sections) {
    const read = page.sections.get(section.id);
    if (!read) continue;
    if (compact(read.heading) !== section.title)
      problem(
        `section #${section.id} is headed "${shorten(compact(read.heading))}", not "${shorten(section.title)}"`,
      );
    const text = compact(read.text);
    if (text !== section.text) {
      problem(
        section.withheld
          ? `section #${section.id} is withheld, yet shows "${shorten(text)}"`
          : `section #${section.id} does not read as the content: ${describeDifference(text, section.text)}`,
      );
    } else if (section.withheld && read.elements > 0) {
      problem(`section #${section.id} is withheld, yet holds more than its marker`);
    }
    if (read.markers.join() !== section.markers.join()) {
      problem(
        section.markers.length > read.markers.length
          ? `the withheld marker of #${section.id} is missing`
          : `section #${section.id} has withheld markers (${read.markers.join(', ') || 'none'}) the content does not (${section.markers.join(', ') || 'none'})`,
      );
    }
  }
  return problems;
}

/** A page's problems; on a pass, the SHA-256 of the page's bytes. */
function auditProjectPage(
  dist: string,
  expected: PageExpectation,
  memo: AuditMemo,
): { problems: AuditProblem[]; passed?: string } {
  const full = join(dist, expected.file);
  if (!existsSync(full))
    return { problems: [{ file: expected.file, message: 'the project page was not written' }] };
  const bytes = readFileSync(full);
  const digest = memo.digest(expected, bytes);
  if (memo.vouches(digest)) return { problems: [], passed: sha256(bytes) };
  const sectionIds = new Set(expected.sections.map((s) => s.id));
  const problems = checkPage(readPage(bytes.toString('utf8'), sectionIds), expected);
  if (problems.length > 0) return { problems };
  memo.pass(digest);
  return { problems, passed: sha256(bytes) };
}

export interface AuditResult {
  problems: AuditProblem[];
  /** Each project page that passed, by its file below the build folder: the SHA-256 of its bytes. */
  passed: Map<string, string>;
}

/**
 * Every problem of a build in `dist` against the model it was built from;
 * none when the output is exactly what the content says. Pages the memo
 * vouches for (passed by the last build's audit byte for byte) are not parsed
 * again; this build's passes are recorded in it, and the caller saves it.
 */
export function auditOutput(
  dist: string,
  model: Model,
  siteUrl: string,
  basePath: string,
  links: Omit<LinkRules, 'origin'>,
  memo: AuditMemo,
): AuditResult {
  const result: AuditResult = { problems: [], passed: new Map() };
  const rules: LinkRules = { origin: new URL(siteUrl).origin, ...links };
  for (const project of model.projects) {
    // The same for both of its pages.
    const shared = expectProject(project);
    for (const locale of LOCALES) {
      const expected = expectPage(project, locale, rules, shared, basePath);
      const { problems, passed } = auditProjectPage(dist, expected, memo);
      result.problems.push(...problems);
      if (passed !== undefined) result.passed.set(expected.file, passed);
    }
  }
  const data = readSiteData(model, siteUrl, basePath);
  const problems = result.problems;
  // Each JSON file byte for byte as formatted from the model's records (src/site/data-files.ts):
  // hashed from disk, not parsed, since what was written is compared whole either way.
  const digests = readJsonDigests(data);
  const holds = (file: string) => {
    const full = join(dist, file);
    return existsSync(full) && sha256File(full) === digests.get(file);
  };
  for (const file of data.versions.keys())
    if (!holds(file))
      problems.push({
        file,
        message: 'does not hold exactly the project’s record of that version',
      });
  if (!holds(DATA_FILES.json))
    problems.push({
      file: DATA_FILES.json,
      message: 'does not hold exactly the records of the model',
    });
  if (!holds(DATA_FILES.index))
    problems.push({
      file: DATA_FILES.index,
      message: 'does not hold exactly the index of the model',
    });
  for (const file of data.projectFiles)
    if (!holds(file))
      problems.push({ file, message: 'does not hold exactly the project’s record' });
  const { departmentCsv, csv: rows, totalsCsv } = data;
  for (const [file, rows] of departmentCsv) {
    const path = join(dist, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== rows)
      problems.push({ file, message: 'does not hold exactly the department’s rows of the model' });
  }
  // An earlier version that discloses what a later one withholds is not published (src/model/offered-versions.ts).
  for (const publication of model.publications)
    for (const version of publication.versions)
      if (version.withheldSince !== null)
        for (const file of [version.source.file, version.source.original?.file])
          if (file !== undefined && existsSync(join(dist, paths.sourceFile(file))))
            problems.push({
              file: paths.sourceFile(file),
              message: `is published, but version ${version.version} discloses a part withheld since version ${version.withheldSince}`,
            });
  for (const [file, text, what] of [
    [DATA_FILES.csv, rows, 'the rows of the model'],
    [DATA_FILES.totals, totalsCsv, 'the totals of the model’s records'],
  ] as const) {
    const path = join(dist, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text)
      problems.push({ file, message: `does not hold exactly ${what}` });
  }
  return result;
}
