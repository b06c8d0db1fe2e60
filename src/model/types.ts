import type { Localized } from '../i18n/locales';
import type { ProjectZh } from '../schema/project';
import type { Publication } from '../schema/publication';
import type { ProjectTranslation } from '../schema/translation';
import type { WithheldReasonCode } from '../withheld/reasons';
import type { OutlineSection } from './outline';

/** A content entry as the model needs it: Astro's entries fit, and so do test fixtures. */
export interface Entry<T> {
  id: string;
  /** Path of the content file, relative to the project root, for error messages. */
  filePath: string;
  data: T;
}
export interface BodyEntry<T> extends Entry<T> {
  body: string;
  /** Line of the file on which the body starts, so that body problems point at file lines. */
  bodyStartLine?: number;
}

export interface ModelInput {
  publications: Entry<Publication>[];
  disclosures: BodyEntry<ProjectZh>[];
  translations: BodyEntry<ProjectTranslation>[];
  /** SHA-256 of each file under content/sources/, by file name (undefined if missing). */
  sourceHashes: Record<string, string | undefined>;
}

/** A section of a project page, in page order, with its title in each language. */
export interface Section {
  id: string;
  level: 2 | 3;
  title: Localized;
  withheld: WithheldReasonCode | null;
  /** Sections rendered from frontmatter (name, basis, implementing unit) rather than the body. */
  fromFrontmatter: boolean;
}

export interface Project {
  /** Unique across the site: `<publication slug>/<project slug>`. */
  key: string;
  slug: string;
  order: number;
  publication: PublicationModel;
  original: ProjectZh;
  translation: ProjectTranslation;
  /** Collection entry ids, for rendering the bodies. */
  entryIds: Localized;
  /** Content file paths. */
  files: Localized;
  /** This year's budget in whole yuan; null where the amount is withheld. */
  amountYuan: number | null;
  sections: Section[];
  /** Counting rule (README): every section and subsection except the project name. */
  units: number;
  /** Units whose content is withheld. */
  withheldUnits: number;
  /** Every withheld marker on the page (frontmatter sections and body directives). */
  markers: { reason: WithheldReasonCode; sectionId: string }[];
  /** The original body's sections, with text blocks (used by search and checks). */
  bodySections: Localized<OutlineSection[]>;
}

export interface PublicationModel {
  id: string;
  file: string;
  data: Publication;
  projects: Project[];
  /** Sum of the disclosed amounts, in yuan. */
  totalYuan: number;
  /** How many projects' amounts are withheld (and so not in the total). */
  withheldAmounts: number;
}

export interface Model {
  publications: PublicationModel[];
  /** Every project, by publication (year descending, then department) and published order. */
  projects: Project[];
  totalYuan: number;
  withheldAmounts: number;
  units: number;
  withheldUnits: number;
}
