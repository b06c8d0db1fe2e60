import { Parser } from 'htmlparser2';

/**
 * What the output audit (audit.ts) reads of a built project page: each section's heading and
 * text without what the site adds around them, the text outside the sections, the addresses a
 * browser would follow or load, and whether any script would run.
 */

/** Text with all white space removed: Chinese needs none to compare, and HTML reflows the rest. */
export const compact = (text: string) => text.replace(/\s+/g, '');

/** Classes of what the site adds around a page's own text: controls and markers, not content. */
const ADDED = new Set([
  'section-language',
  'passage-link',
  'withheld',
  'editor-note',
  'origin-mark',
]);

/** Attributes whose value is an address a browser follows or loads. */
const ADDRESS_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data'];

/** What the audit reads of one section of a project page. */
interface SectionReading {
  heading: string;
  /** The section's text, without its heading and what the site adds. */
  text: string;
  /** Reasons of the withheld markers in the section, in order. */
  markers: string[];
  /** Elements of the section's own content beside its heading and markers. */
  elements: number;
}

/** What the audit reads of a project page. */
export interface PageReading {
  /** Sections in page order, by id (a heading whose id the model does not give is text). */
  sections: Map<string, SectionReading>;
  /** Runs of text in the article outside its sections and hidden metadata (summary, contents, pager). */
  outside: string[];
  /** Every address on the page. */
  links: string[];
  /** Script elements that run (JSON-LD is data, not script). */
  scripts: number;
  hasSections: boolean;
  saysPending: boolean;
}

/**
 * Reads a page in one streaming pass of htmlparser2, building no tree: at
 * 20,000 pages, building each page's DOM and querying it took most of the
 * audit's time. The pages are the site's own well-formed HTML, so every open
 * tag has its close (htmlparser2 closes void elements at once).
 */
export function readPage(html: string, sectionIds: ReadonlySet<string>): PageReading {
  const reading: PageReading = {
    sections: new Map(),
    outside: [],
    links: [],
    scripts: 0,
    hasSections: false,
    saysPending: false,
  };
  let depth = 0;
  /** Depths of the open elements that matter (0: none open). */
  let articleAt = 0;
  let sectionsAt = 0;
  let addedAt = 0;
  let hiddenAt = 0;
  let headingAt = 0;
  let section: SectionReading | null = null;
  let run = '';
  const flush = () => {
    if (run.trim() && articleAt && !sectionsAt && !hiddenAt && !addedAt)
      reading.outside.push(run.trim());
    run = '';
  };
  const parser = new Parser({
    onopentag(name, attributes) {
      flush();
      depth++;
      const { id } = attributes;
      for (const attribute of ADDRESS_ATTRIBUTES) {
        const value = attributes[attribute];
        if (value !== undefined) reading.links.push(value);
      }
      for (const candidate of attributes.srcset?.split(',') ?? [])
        reading.links.push(candidate.trim().split(/\s+/)[0] ?? '');
      if (name === 'script' && attributes.type !== 'application/ld+json') reading.scripts++;
      if (attributes['data-translation-pending'] !== undefined) reading.saysPending = true;
      const classes = attributes.class?.split(/\s+/) ?? [];
      if (name === 'article' && !articleAt) articleAt = depth;
      if (attributes.hidden !== undefined && !hiddenAt) hiddenAt = depth;
      if (classes.includes('sections')) {
        reading.hasSections = true;
        if (!sectionsAt) sectionsAt = depth;
        return;
      }
      if (!sectionsAt) {
        if (classes.some((c) => ADDED.has(c)) && !addedAt) addedAt = depth;
        return;
      }
      if ((name === 'h2' || name === 'h3') && id !== undefined && sectionIds.has(id) && !addedAt) {
        section = { heading: '', text: '', markers: [], elements: 0 };
        reading.sections.set(id, section);
        headingAt = depth;
        return;
      }
      const withheld = attributes['data-withheld'];
      if (withheld !== undefined) section?.markers.push(withheld);
      if (addedAt || headingAt) return;
      if (classes.some((c) => ADDED.has(c))) {
        addedAt = depth;
        return;
      }
      // A direct child of the sections, or of a heading group, that is not the heading itself.
      if (section && depth === sectionsAt + 1 && !classes.includes('heading-group'))
        section.elements++;
    },
    ontext(chunk) {
      run += chunk;
      if (!sectionsAt || addedAt || !section) return;
      if (headingAt) section.heading += chunk;
      else section.text += chunk;
    },
    onclosetag() {
      flush();
      if (depth === addedAt) addedAt = 0;
      if (depth === headingAt) headingAt = 0;
      if (depth === sectionsAt) {
        sectionsAt = 0;
        section = null;
      }
      if (depth === hiddenAt) hiddenAt = 0;
      if (depth === articleAt) articleAt = 0;
      depth--;
    },
  });
  parser.end(html);
  return reading;
}
