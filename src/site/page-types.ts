import type { ChangeEntry } from './changes';
import type { Operator } from '../config';
import type { BreakdownRow } from '../data/breakdown';
import type { DictionaryTable } from '../data/dictionary';
import type { Locale, Localized } from '../domain/locales';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import type {
  FiscalYear,
  Model,
  Project,
  PublicationModel,
  WithdrawnProject,
} from '../model/types';
import type { PublicationText, ProjectText } from '../model/localize';
import type { GlossaryTerm } from '../schema/glossary';
import type { SearchFields } from '../search/fields';
import type { JsonLd } from './json-ld';
import type { Slice } from './paginate';
import type { ProjectOrder } from './routes';

/**
 * What each page shows, as src/site/page-data.ts computes it once per page
 * and the views read it: one type per kind of view, and the page around it.
 */

/** A file under sources/, as the source page describes it. */
export interface SourceFileRow {
  file: string;
  sha256: string;
  bytes: number;
  /** What it is, for a reader: 'PDF', 'plain text file in GB18030'. */
  format: string;
}

/** One version of a text on the source page. */
export interface SourceVersionRow {
  version: number;
  /** This site's import. */
  date: string | null;
  /** The bureau's date of it, where recorded. */
  revisedOn: string | null;
  note: string | null;
  /** The note's language: its English where one was given (--note-en), else the Chinese. */
  noteLang: 'zh' | 'en';
  current: boolean;
  /** Where a later version withholds a part this one disclosed: its files are not offered. */
  withheldSince: number | null;
  /** The text the site shows, UTF-8. */
  text: SourceFileRow;
  /** The file as the bureau published it, where it is another. */
  original: SourceFileRow | null;
}

/** One fact of where the original comes from: its value, or null where it is not recorded. */
export interface ProvenanceRow {
  key: 'url' | 'publishedOn' | 'retrievedOn' | 'archiveUrl';
  label: string;
  value: string | null;
  /** Set when the value is an address. */
  href: string | null;
}

export interface PublicationView {
  publication: PublicationModel;
  provenance: ProvenanceRow[];
  text: PublicationText;
  /** YYYY-MM-DD, from the content. */
  updated: string;
  /** Each project's share of the publication's total, in percent; chart and table show the same figures. */
  shares: number[];
}

/** A neighbouring project, for previous/next links. */
export interface Neighbour {
  path: string;
  name: string;
}

export interface ProjectPage {
  project: Project;
  text: ProjectText;
  /**
   * What the money buys, for the summary: the first paragraph of 项目实施内容 as the page's
   * language has it (the Chinese, marked, while the translation is pending), or the marker
   * where the part is withheld.
   */
  buys: { text: string; lang: Locale } | { withheld: WithheldReasonCode } | null;
  /** The citation of this page, in its language. */
  citation: string;
  /**
   * No English is shown (a translation of an earlier version that no longer fits): the English
   * page says so and links to the original. Never on the Chinese page.
   */
  pending: boolean;
  publication: PublicationText;
  previous: Neighbour | null;
  next: Neighbour | null;
  search: SearchFields;
}

/** One group of rows in a projects listing: a publication in published order, or everything when sorted by amount. */
export interface ProjectGroup {
  key: string;
  heading: string | null;
  /** Where the group's heading links: its publication page. */
  path: string | null;
  projects: Project[];
}

/** A project with withheld sections, as the withheld-content page lists it. */
interface WithheldProject {
  name: string;
  lang: Locale;
  path: string;
  sections: { id: string; title: string; label: string }[];
}

interface YearRow {
  publication: PublicationModel;
  department: string;
  sectionsCounted: number;
  sectionsWithheld: number;
}

/** A fiscal year's figures as the home page and listings show them. */
export interface YearFigures {
  year: FiscalYear;
  /** Share of counted sections not withheld. */
  completeness: number;
  /** Share of the year's disclosed budget in projects with nothing withheld. */
  completenessByMoney: number;
}

export type ViewData =
  | {
      kind: 'home';
      model: Model;
      /** Each department's name in the page's language, by slug. */
      departmentNames: Record<string, string>;
      publications: PublicationView[];
      /** Each fiscal year's figures, newest first: never summed across years. */
      years: YearFigures[];
    }
  | { kind: 'publication'; summary: PublicationView }
  | { kind: 'project'; page: ProjectPage }
  | {
      kind: 'source';
      publication: PublicationModel;
      title: string;
      text: string;
      provenance: ProvenanceRow[];
      /** Every version's files, oldest first; the last is the current one. */
      versions: SourceVersionRow[];
    }
  | {
      kind: 'withdrawn';
      publication: PublicationModel;
      project: WithdrawnProject;
      /** The publication's title, in the page's language. */
      title: string;
    }
  | { kind: 'withheld'; projects: WithheldProject[]; projectCount: number; listed: boolean }
  | { kind: 'search'; years: number[]; departments: string[] }
  | {
      kind: 'projects';
      order: ProjectOrder;
      slice: Slice<Project>;
      groups: ProjectGroup[];
      caption: string;
      count: number;
      /** The total of each fiscal year (never one across years). */
      years: YearFigures[];
    }
  | { kind: 'year'; year: number; rows: YearRow[] }
  | {
      kind: 'data';
      model: Model;
      listProjects: boolean;
      listOriginals: boolean;
      /** Every project by department and fiscal year (data/totals.csv). */
      totals: BreakdownRow[];
      /** The data dictionary's tables, read off the generated JSON Schemas. */
      tables: DictionaryTable[];
    }
  | { kind: 'about'; operator: Operator | null; publishers: string[] }
  | { kind: 'terms'; terms: GlossaryTerm[] }
  | { kind: 'changes'; entries: ChangeEntry[] }
  | DepartmentView;

/** A department's page: its years side by side. */
export interface DepartmentView {
  kind: 'department';
  slug: string;
  /** As its newest publication names it. */
  name: string;
  region: string | null;
  years: {
    publication: PublicationModel;
    title: string;
    /** The sum of the year's published amounts, and the change from the year before where that year was published. */
    totalYuan: number;
    change: { previousYear: number; yuan: number; share: number | null } | null;
  }[];
  /** Projects under the same name in more than one year, each year linked. */
  recurring: { name: string; projects: { year: number; path: string }[] }[];
  /** The department's projects as CSV, below the base. */
  csv: string;
}

/** A stylesheet a page needs beside the base one (src/styles/<name>.css). */
/** A bundle of stylesheets (src/styles/bundles/): each kind of page links one. */
export type Stylesheet =
  | 'changes'
  | 'data'
  | 'home'
  | 'plain'
  | 'project'
  | 'project-revisions'
  | 'project-withheld'
  | 'project-withheld-revisions'
  | 'search'
  | 'source'
  | 'tables'
  | 'withheld';

export interface PageData {
  locale: Locale;
  /** The stylesheet bundle of the concerns its view uses. */
  stylesheet: Stylesheet;
  title: string;
  description: string;
  jsonLd: JsonLd | undefined;
  ogType: 'article' | 'website';
  /** This page's path in each language, below the base. */
  alternates: Localized;
  /** The publication the page belongs to (or the newest), for the footer. */
  publication: PublicationModel | undefined;
  view: ViewData;
}
