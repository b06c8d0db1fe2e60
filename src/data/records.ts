import { PROCUREMENT_METHODS, translateFundSource } from '../domain/funding-terms';
import type { Locale, Localized } from '../domain/locales';
import { t } from '../i18n';
import { formatIsoDate } from '../domain/dates';
import { fileUrl, pageUrl, paths } from '../domain/urls';
import type { Model, Project, PublicationModel, Section } from '../model/types';
import { composePublicationEnglish } from '../model/localize';
import { sectionsOf } from '../model/revisions';
import type { PublishedAmount } from '../schema/amount';
import { isWithheld, type Withheld } from '../schema/withheld';
import { WITHHELD_REASONS, type WithheldReasonCode } from '../domain/withheld-reasons';
import type {
  AmountValue,
  DisclosuresFile,
  IndexFile,
  ProjectRecord,
  PublicationRecord,
  SectionRecord,
  VersionRecord,
  WithheldValue,
} from './record-schemas';

/** Absolute URLs of the deployed site (SITE_URL + BASE_PATH), so the data files can be used away from it. */
export interface Links {
  page: (locale: Locale, path: string) => string;
  file: (path: string) => string;
}

/** The absolute links of a site at `site` (SITE_URL) under `base` (BASE_PATH). */
export function buildLinks(site: string | URL, base: string): Links {
  return {
    page: (locale, path) => new URL(pageUrl(base, locale, path), site).href,
    file: (path) => new URL(fileUrl(base, path), site).href,
  };
}

/** Where a project's own JSON file lives, below the base: mirrors its page path. */
export const projectDataPath = (project: Project) =>
  `data/${paths.project(project.publication.data, project.slug).replace(/\/$/, '')}.json`;

/** A department's projects as CSV, below the base: `data/<department>/projects.csv`. */
export const departmentCsvPath = (slug: string) => `data/${slug}/projects.csv`;

/** Where the project as an earlier version of the text had it lives: `<slug>.v1.json` beside its own file. */
export const projectVersionPath = (project: Project, version: number) =>
  projectDataPath(project).replace(/\.json$/, `.v${version}.json`);

export const DATA_FILES = {
  json: 'data/disclosures.json',
  csv: 'data/disclosures.csv',
  schema: 'data/disclosures.schema.json',
  index: 'data/index.json',
  indexSchema: 'data/index.schema.json',
  /** Totals by department and fiscal year, computed by this site (src/data/breakdown.ts). */
  totals: 'data/totals.csv',
} as const;

const both = (zh: string, en: string | null): { zh: string; en: string | null } => ({ zh, en });

function buildWithheldValue(reason: WithheldReasonCode, links: Links): WithheldValue {
  return {
    withheld: reason,
    label: { ...WITHHELD_REASONS[reason].label },
    explanation: links.page('zh', paths.withheld(reason)),
  };
}

function buildAmountValue(amount: PublishedAmount): AmountValue {
  return { yuan: amount.amountYuan, currency: 'CNY', published: amount.published };
}

const pageUrls = (path: string, links: Links): Localized => ({
  zh: links.page('zh', path),
  en: links.page('en', path),
});

/** English that is the Chinese kept for want of a translation is no English: null. */
const englishOr = (zh: string, en: string | null | undefined): string | null =>
  en === undefined || en === null || (en === zh && /\p{Script=Han}/u.test(zh)) ? null : en;

function buildSectionRecord(section: Section, links: Links): SectionRecord {
  return {
    id: section.id,
    level: section.level,
    title: both(section.title.zh, englishOr(section.title.zh, section.title.en)),
    withheld: section.withheld ? buildWithheldValue(section.withheld, links) : null,
    text: {
      zh: [...section.paragraphs.zh],
      en: section.paragraphs.en.map((en, i) => englishOr(section.paragraphs.zh[i] ?? '', en)),
    },
  };
}

function convertUnlessWithheld<T, R>(
  value: T | Withheld,
  links: Links,
  convert: (value: T) => R,
): R | WithheldValue {
  return isWithheld(value) ? buildWithheldValue(value.withheld, links) : convert(value);
}

function buildProjectRecord(project: Project, links: Links): ProjectRecord {
  const { original, translation, publication } = project;
  const pub = publication.data;
  // English no one has given is null, never the Chinese passed off as English.
  const enBasis = !translation || isWithheld(translation.basis) ? [] : translation.basis;
  const enUnit =
    !translation || isWithheld(translation.implementingUnit) ? null : translation.implementingUnit;
  const enSource =
    !translation || isWithheld(translation.funding) ? null : translation.funding.source;
  return {
    id: project.key,
    publication: pub.slug,
    slug: project.slug,
    order: project.order,
    department: both(pub.department, composePublicationEnglish(pub).department),
    fiscalYear: pub.fiscalYear,
    name: both(original.name, englishOr(original.name, translation?.name)),
    amount: convertUnlessWithheld(original.funding, links, buildAmountValue),
    // The schema check guarantees the translation withholds exactly what the original does.
    fundingSource: convertUnlessWithheld(original.funding, links, (f) =>
      f.source === undefined ? null : both(f.source, englishOr(f.source, enSource)),
    ),
    fundingBreakdown:
      isWithheld(original.funding) || !original.funding.breakdown
        ? null
        : original.funding.breakdown.map((part) => ({
            source: both(part.source, translateFundSource(part.source)),
            amount: buildAmountValue(part),
          })),
    procurementMethod: original.procurementMethod
      ? both(original.procurementMethod, PROCUREMENT_METHODS[original.procurementMethod])
      : null,
    estimate: original.plan.estimate ? buildAmountValue(original.plan.estimate) : null,
    period: both(original.plan.period.published, t('en').period(original.plan.period.published)),
    implementingUnit: convertUnlessWithheld(original.implementingUnit, links, (unit) => ({
      unit: both(unit.unit, englishOr(unit.unit, enUnit?.unit)),
      supervisor: unit.supervisor
        ? both(unit.supervisor, englishOr(unit.supervisor, enUnit?.supervisor))
        : null,
    })),
    basis: convertUnlessWithheld(original.basis, links, (items) =>
      items.map((item, i) => {
        const en = enBasis[i];
        return {
          published: both(item.published, englishOr(item.published, en?.published)),
          number: item.number ?? null,
          issuer: item.issuer ? both(item.issuer, englishOr(item.issuer, en?.issuer)) : null,
          title: item.title ? both(item.title, englishOr(item.title, en?.title)) : null,
          withheld: item.withheld ? buildWithheldValue(item.withheld, links) : null,
        };
      }),
    ),
    sections: project.sections.map((section) => buildSectionRecord(section, links)),
    english: {
      passages: project.english.passages.map((p) => ({
        anchor: p.anchor,
        origin: p.by,
        from: p.from,
      })),
      ...project.english.counts,
    },
    sectionsCounted: project.sectionsCounted,
    sectionsWithheld: project.sectionsWithheld,
    url: pageUrls(paths.project(pub, project.slug), links),
    data: links.file(projectDataPath(project)),
    version: project.publication.versions.length,
    revisions: project.revisions.map((r) => ({
      version: r.version,
      date: r.date,
      revisedOn: r.revisedOn,
      note: r.note,
      noteEn: r.noteEn,
      added: r.added,
      sections: r.sections.map((s) => ({ id: s.id, change: s.kind })),
      figures: r.figures.map((f) => ({ field: f.field, from: f.from, to: f.to })),
    })),
    earlierVersions: project.history.map((h) => links.file(projectVersionPath(project, h.version))),
  };
}

function buildPublicationRecord(publication: PublicationModel, links: Links): PublicationRecord {
  const { data } = publication;
  const english = composePublicationEnglish(data);
  return {
    slug: data.slug,
    department: both(data.department, english.department),
    region: data.region === undefined ? null : both(data.region, english.region),
    fiscalYear: data.fiscalYear,
    title: both(data.title, english.title),
    source: {
      url: links.file(paths.sourceFile(data.source.file)),
      sha256: data.source.sha256,
      originalUrl: data.source.url ?? null,
      publishedOn: data.source.publishedOn ? formatIsoDate(data.source.publishedOn) : null,
      retrievedOn: data.source.retrievedOn ? formatIsoDate(data.source.retrievedOn) : null,
      archiveUrl: data.source.archiveUrl ?? null,
    },
    versions: publication.versions.map((version, i) => {
      const offered = version.withheldSince === null;
      const { source } = version;
      return {
        version: version.version,
        date: version.date,
        revisedOn: version.revisedOn,
        current: i === publication.versions.length - 1,
        sha256: source.sha256,
        url: offered ? links.file(paths.sourceFile(source.file)) : null,
        originalSha256: source.original?.sha256 ?? null,
        originalUrl:
          offered && source.original ? links.file(paths.sourceFile(source.original.file)) : null,
        withheldSince: version.withheldSince,
      };
    }),
    withdrawn: publication.withdrawn.map((project) => ({
      slug: project.slug,
      name: project.name,
      lastVersion: project.lastVersion,
      withdrawnIn: project.withdrawnIn,
      url: pageUrls(paths.project(data, project.slug), links),
    })),
    totalYuan: publication.totalYuan,
    projects: publication.projects.length,
    url: pageUrls(paths.publication(data), links),
  };
}

/** The date the content last changed, as YYYY-MM-DD; never the build clock. */
export function findContentUpdated(model: Model): string {
  const dates = model.publications.map((p) => formatIsoDate(p.data.updated)).sort();
  return dates.at(-1) ?? '1970-01-01';
}

/** /data/index.json from the full records, so that the two can never disagree. */
export function buildIndexFile(file: DisclosuresFile, links: Links): IndexFile {
  return {
    $schema: links.file(DATA_FILES.indexSchema),
    updated: file.updated,
    currency: 'CNY',
    projects: file.projects.map((p) => ({
      id: p.id,
      publication: p.publication,
      slug: p.slug,
      fiscalYear: p.fiscalYear,
      department: p.department,
      name: p.name,
      amountYuan: 'yuan' in p.amount ? p.amount.yuan : null,
      estimateYuan: p.estimate?.yuan ?? null,
      amountPublished: 'published' in p.amount ? p.amount.published : null,
      estimatePublished: p.estimate?.published ?? null,
      sectionsWithheld: p.sectionsWithheld,
      translationPending: p.english.none > 0,
      url: p.url,
      data: p.data,
    })),
  };
}

export function buildDisclosuresFile(model: Model, links: Links): DisclosuresFile {
  return {
    $schema: links.file(DATA_FILES.schema),
    updated: findContentUpdated(model),
    currency: 'CNY',
    totalsByYear: model.years.map((year) => ({
      fiscalYear: year.year,
      totalYuan: year.totalYuan,
      projects: year.projects,
      withheldAmounts: year.withheldAmounts,
    })),
    publications: model.publications.map((p) => buildPublicationRecord(p, links)),
    projects: model.projects.map((p) => buildProjectRecord(p, links)),
  };
}

/**
 * The project as an earlier version of the text had it: its own JSON file at
 * a stable address (projectVersionPath). What the current version withholds is
 * withheld here too, whatever the earlier text said: a part withheld after the
 * fact is not published again through its history.
 */
export function buildVersionRecord(
  project: Project,
  version: number,
  links: Links,
): VersionRecord | null {
  const entry = project.history.find((h) => h.version === version);
  if (!entry) return null;
  const withheldNow = new Map(
    project.sections.flatMap((s) => (s.withheld ? [[s.id, s.withheld] as const] : [])),
  );
  const { data } = entry.state;
  const fundingNow = project.original.funding;
  const amount = isWithheld(fundingNow)
    ? buildWithheldValue(fundingNow.withheld, links)
    : convertUnlessWithheld(data.funding, links, buildAmountValue);
  const hiddenNow = (id: string) => withheldNow.has(id);
  return {
    id: project.key,
    version,
    current: links.file(projectDataPath(project)),
    name: data.name,
    amount,
    estimate:
      data.plan.estimate && !hiddenNow('estimate') ? buildAmountValue(data.plan.estimate) : null,
    period: hiddenNow('period') ? null : data.plan.period.published,
    sections: sectionsOf(entry.state).map((section) => {
      const reason = withheldNow.get(section.id) ?? section.withheld;
      return {
        id: section.id,
        title: section.title,
        text: reason ? null : section.text,
        withheld: reason ? buildWithheldValue(reason, links) : null,
      };
    }),
  };
}
