import type { Localized } from '../domain/locales';
import type { ProjectZh } from '../schema/project';
import type { Publication } from '../schema/publication';
import type { ProjectTranslation } from '../schema/translation';
import type { WithheldReasonCode } from '../domain/withheld-reasons';
import type { BodyEntry, Entry } from '../content/read';
import type { GlossaryTerm } from '../schema/glossary';

/** Who put a passage into English: a translator, a rule, the translation memory, or no one yet. */
export type EnglishOrigin = 'translator' | 'rule' | 'memory' | 'none';

/** A passage's origin; `from` is the address of the passage the memory's English was first given for. */
export interface PassageOrigin {
  by: EnglishOrigin;
  from: string | null;
}

/** One section (## heading) or subsection (### heading) of a disclosure body, as the body rules read it. */
export interface OutlineSection {
  id: string;
  level: 2 | 3;
  /** Heading text as written, enumeration included. */
  title: string;
  /** The reason, when the section's own content is nothing but a withheld marker. */
  withheld: WithheldReasonCode | null;
  /** Text blocks of the section's own content (heading first), for the number cross-check, search and data. */
  blocks: string[];
  /** The passages the page anchors (`#<id>-p<n>`), in order: each paragraph and each list item. */
  passages: string[];
  /** Where each passage's English came from, one per passage (translator in the original). */
  origins: PassageOrigin[];
  /** Line of the heading within the body. */
  line: number | undefined;
}

/** What the body rules (src/markdown/) learn from a body without rendering it. */
export interface Outline {
  sections: OutlineSection[];
  /** Every withheld directive in the body, in order, with the section it stands in. */
  markers: { reason: WithheldReasonCode; sectionId: string | null }[];
}

/** A Markdown entry whose body has passed the body rules. */
export interface OutlinedEntry<T> extends BodyEntry<T> {
  outline: Outline;
  /** The body rendered, from the same pass that read the outline. */
  html: string;
}

/** Where a project's English came from beyond its body (src/translate/english.ts). */
export interface EnglishProvenance {
  /** True where no translator's file exists: all of the English is the site's (rules, memory). */
  derived: boolean;
  /** The origin of each frontmatter passage, by anchor (`name-p1`, `basis-p2`, `implementing-unit-p1`). */
  frontmatterOrigins: Record<string, PassageOrigin>;
}

/** A project's English, complete: a translator's file with its gaps filled, or the site's own. */
export type TranslationEntry = OutlinedEntry<ProjectTranslation> & EnglishProvenance;

/** How much of a project page is in English, and from where, passage by passage. */
export interface ProjectEnglish {
  /** Every anchored passage of the page that is not withheld, in page order. */
  passages: (PassageOrigin & { anchor: string })[];
  counts: { total: number } & Record<EnglishOrigin, number>;
  /** Every passage has English (none left in Chinese): the listings' badge and index.json read it. */
  complete: boolean;
  derived: boolean;
}

export interface ModelInput {
  publications: Entry<Publication>[];
  disclosures: OutlinedEntry<ProjectZh>[];
  translations: TranslationEntry[];
  /** The Chinese files of earlier versions (content/<department>/<year>/versions/<n>/zh/). */
  snapshots: OutlinedEntry<ProjectZh>[];
  /** SHA-256 of each file under content/sources/, by file name (undefined if missing). */
  sourceHashes: Record<string, string | undefined>;
  /** The renderings every translation keeps to (content/glossary.yaml). */
  glossary: GlossaryTerm[];
}

/** A section of a project page, in page order, with its title in each language. */
export interface Section {
  id: string;
  level: 2 | 3;
  title: Localized;
  withheld: WithheldReasonCode | null;
  /** Sections rendered from frontmatter (name, basis, implementing unit) rather than the body. */
  fromFrontmatter: boolean;
  /** The section's own text, heading excluded, in each language; empty when withheld. */
  paragraphs: Localized<string[]>;
}

export interface Project {
  /** Unique across the site: `<publication slug>/<project slug>`. */
  key: string;
  slug: string;
  order: number;
  publication: PublicationModel;
  original: ProjectZh;
  /** Null while the translation is pending (`translation: pending` in the original). */
  translation: ProjectTranslation | null;
  /** How much of the English page is in English, and from where. */
  english: ProjectEnglish;
  /** Content entry ids; no English one where no translator's file exists. */
  entryIds: { zh: string; en: string | null };
  /** The rendered bodies; no English one while the translation is pending. Passage anchors stay put across versions (src/model/anchors.ts). */
  bodyHtml: { zh: string; en: string | null };
  /** Anchors of passages earlier versions had and this one does not (`approach-p3`): the page sends them to its revision history. */
  goneAnchors: string[];
  /** Content file paths. */
  files: Localized;
  /** This year's budget in whole yuan; null where the amount is withheld. */
  amountYuan: number | null;
  sections: Section[];
  /** Counting rule (docs/content.md): every section and subsection except the project name. */
  sectionsCounted: number;
  /** Counted sections whose content is withheld. */
  sectionsWithheld: number;
  /** Every withheld marker on the page (frontmatter sections and body directives). */
  markers: { reason: WithheldReasonCode; sectionId: string }[];
  /** The original body's sections, with text blocks (used by search and checks). */
  bodySections: Localized<OutlineSection[]>;
  /** What changed in each version after the first in which the project changed, newest first. */
  revisions: Revision[];
  /** The project as earlier versions of the text had it (for their data files), oldest first. */
  history: { version: number; state: ProjectState }[];
  /**
   * Where the English translates an earlier version of the Chinese: that version, and
   * whether the page shows it (it does where its sections and withheld parts are the
   * current text's; otherwise the English page is pending until the translation is updated).
   */
  outdatedTranslation: { of: number; shown: boolean } | null;
}

/** One version of a publication's text. */
interface VersionInfo {
  version: number;
  /** YYYY-MM-DD it was imported (this site's update); null where it was not recorded. */
  date: string | null;
  /**
   * YYYY-MM-DD the bureau published this version: its revision date (--revised-on), else the
   * date its original was published (--published-on, or a saved page's own); null where not recorded.
   */
  revisedOn: string | null;
  note: string | null;
  /** The note in English (--note-en); null where none was given. */
  noteEn: string | null;
  source: Publication['source'];
  /**
   * Where a later version withholds a part this one disclosed: the version since which it is
   * withheld. Such a version's files are not published (src/model/offered-versions.ts).
   */
  withheldSince: number | null;
}

/** A project an earlier version of the text had and the current one does not: its address stays, saying so. */
export interface WithdrawnProject {
  slug: string;
  /** Its name, as the last version that had it printed it. */
  name: string;
  /** The last version that had it. */
  lastVersion: number;
  /** The first version without it. */
  withdrawnIn: number;
  /** YYYY-MM-DD that version was imported; null where not recorded. */
  date: string | null;
}

export interface PublicationModel {
  id: string;
  file: string;
  data: Publication;
  /** Every version of the text, oldest first; the last is the current one (one version where none was revised). */
  versions: VersionInfo[];
  projects: Project[];
  /** Projects of earlier versions that the current one does not have, by slug. */
  withdrawn: WithdrawnProject[];
  /** Sum of the disclosed amounts, in yuan. */
  totalYuan: number;
  /** How many projects' amounts are withheld (and so not in the total). */
  withheldAmounts: number;
}

/** One fiscal year with its publications, and their sums: the site's own, of the figures each text prints. */
export interface FiscalYear {
  year: number;
  publications: PublicationModel[];
  projects: number;
  /** Sum of the year's disclosed amounts. */
  totalYuan: number;
  /** Of totalYuan, the amounts of projects with nothing withheld: the money whose use is disclosed in full. */
  fullyDisclosedYuan: number;
  /** Projects whose amount is withheld (and so not in the total). */
  withheldAmounts: number;
  sectionsCounted: number;
  sectionsWithheld: number;
}

/** A department (by its slug) with its publications, newest year first. */
export interface Department {
  slug: string;
  publications: PublicationModel[];
}

export interface Model {
  publications: PublicationModel[];
  /** The glossary, for the Terms page. */
  glossary: GlossaryTerm[];
  /** Fiscal years, newest first. */
  years: FiscalYear[];
  /** Every project, by publication (year descending, then department) and published order. */
  projects: Project[];
  /** Every department, by slug. */
  departments: Department[];
}

/* What changed between versions of a text (computed in src/model/revisions.ts). */

export interface DiffPart {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

export type SectionChangeKind = 'changed' | 'withheld' | 'disclosed' | 'added' | 'removed';

export interface SectionChange {
  id: string;
  /** The section's Chinese title, as the newer version has it (the older, for one removed). */
  title: string;
  kind: SectionChangeKind;
  /** The words, old struck and new inserted; null where no text may be shown (withheld now, withheld then, removed). */
  diff: DiffPart[] | null;
}

export type FigureField = 'funding' | 'estimate' | 'period';

interface FigureChange {
  field: FigureField;
  /** As published; null where there was none or it was withheld. */
  from: string | null;
  to: string | null;
}

export interface Revision {
  version: number;
  /** YYYY-MM-DD the version was imported (this site's update). */
  date: string | null;
  /** YYYY-MM-DD the bureau revised the text, where recorded. */
  revisedOn: string | null;
  note: string | null;
  /** The note in English (--note-en); null where none was given. */
  noteEn: string | null;
  /** The project is new in this version. */
  added: boolean;
  sections: SectionChange[];
  figures: FigureChange[];
}

/** A project as one version of the text has it. */
export interface ProjectState {
  data: ProjectZh;
  outline: Outline;
}
