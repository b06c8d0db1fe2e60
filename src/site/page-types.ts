import type { ChangeEntry } from './changes';
import type { Operator } from '../config';
import type { Locale, Localized } from '../domain/locales';
import type { FiscalYear, Model, Project, PublicationModel } from '../model/types';
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

export type ViewData =
  | {
      kind: 'home';
      model: Model;
      /** Share of counted sections not withheld. */
      completeness: number;
      /** Share of the disclosed budget in projects with nothing withheld. */
      completenessByMoney: number;
      publications: PublicationView[];
      years: FiscalYear[];
    }
  | { kind: 'publication'; summary: PublicationView }
  | { kind: 'project'; page: ProjectPage }
  | {
      kind: 'source';
      publication: PublicationModel;
      title: string;
      text: string;
      provenance: ProvenanceRow[];
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
      totalYuan: number;
    }
  | { kind: 'year'; year: number; rows: YearRow[] }
  | { kind: 'data'; model: Model; listProjects: boolean; listOriginals: boolean }
  | { kind: 'about'; operator: Operator | null; publishers: string[] }
  | { kind: 'terms'; terms: GlossaryTerm[] }
  | { kind: 'changes'; entries: ChangeEntry[] };

/** A stylesheet a page needs beside the base one (src/styles/<name>.css). */
export type Stylesheet = 'home' | 'project' | 'search' | 'source' | 'tables' | 'withheld';

export interface PageData {
  locale: Locale;
  /** The stylesheets its view uses, beside the base one every page has. */
  stylesheets: Stylesheet[];
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
