import type { DisclosuresFile, IndexFile, ProjectRecord } from '../data/record-schemas';
import { buildDisclosuresFile, buildIndexFile } from '../data/records';
import { loadModel } from '../markdown/check';
import { siteLinks } from './links';

interface SiteData {
  file: DisclosuresFile;
  /** /data/index.json, made from the same records. */
  index: IndexFile;
  /** Each project's record by its id, for the per-project files. */
  byId: Map<string, ProjectRecord>;
}

let cached: { site: string; data: SiteData } | undefined;

/**
 * The records of every data file, made once per build: disclosures.json, the
 * CSV and the 10,000 per-project files all read these instead of each
 * converting the model again.
 */
export function readSiteData(site: URL | undefined): SiteData {
  const key = site?.href ?? '';
  if (cached?.site !== key) {
    const links = siteLinks(site);
    const file = buildDisclosuresFile(loadModel(), links);
    cached = {
      site: key,
      data: {
        file,
        index: buildIndexFile(file, links),
        byId: new Map(file.projects.map((p) => [p.id, p])),
      },
    };
  }
  return cached.data;
}
