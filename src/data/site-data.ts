import { loadModel } from '../model/load';
import { siteLinks } from './links';
import type { DisclosuresFile, ProjectRecord } from './record';
import { disclosuresFile } from './records';

interface SiteData {
  file: DisclosuresFile;
  /** Each project's record by its id, for the per-project files. */
  byId: Map<string, ProjectRecord>;
}

let cached: { site: string; data: Promise<SiteData> } | undefined;

/**
 * The records of every data file, made once per build: disclosures.json, the
 * CSV and the 10,000 per-project files all read these instead of each
 * converting the model again.
 */
export function siteData(site: URL | undefined): Promise<SiteData> {
  const key = site?.href ?? '';
  if (cached?.site !== key) {
    cached = {
      site: key,
      data: loadModel().then((model) => {
        const file = disclosuresFile(model, siteLinks(site));
        return { file, byId: new Map(file.projects.map((p) => [p.id, p])) };
      }),
    };
  }
  return cached.data;
}
