import type { DisclosuresFile, IndexFile, VersionRecord } from '../data/record-schemas';
import {
  buildDisclosuresFile,
  buildIndexFile,
  buildLinks,
  buildVersionRecord,
  departmentCsvPath,
  projectVersionPath,
} from '../data/records';
import { buildBreakdown, buildBreakdownCsv, type BreakdownRow } from '../data/breakdown';
import { toCsv } from '../data/csv';
import type { Model } from '../model/types';

export interface SiteData {
  /** /data/disclosures.json; the CSV and the per-project files hold the same records. */
  file: DisclosuresFile;
  /** /data/index.json, made from the same records. */
  index: IndexFile;
  /** The projects as earlier versions of the text had them, by path below the base. */
  versions: Map<string, VersionRecord>;
  /** Each department's projects as CSV (the rows of disclosures.csv), by path below the base. */
  departmentCsv: Map<string, string>;
  /** /data/disclosures.csv, written once: the data step writes it, the audit compares with it. */
  csv: string;
  /** Every project by department and fiscal year (the data page's table), and as /data/totals.csv. */
  totals: BreakdownRow[];
  totalsCsv: string;
}

const made = new WeakMap<Model, Map<string, SiteData>>();

/**
 * The records of every data file, made once per build and deployment: the
 * step that writes the files (src/integrations/data-files.ts) and the output
 * audit that checks them read the same records instead of each converting the
 * model again. The settings give the origin and base, not Vite's
 * import.meta.env: both run outside Vite.
 */
export function readSiteData(model: Model, siteUrl: string, basePath: string): SiteData {
  const key = `${siteUrl} ${basePath}`;
  let byKey = made.get(model);
  if (!byKey) made.set(model, (byKey = new Map<string, SiteData>()));
  let data = byKey.get(key);
  if (!data) {
    const links = buildLinks(siteUrl, basePath);
    const file = buildDisclosuresFile(model, links);
    const versions = new Map<string, VersionRecord>();
    for (const project of model.projects)
      for (const { version } of project.history) {
        const record = buildVersionRecord(project, version, links);
        if (record) versions.set(projectVersionPath(project, version), record);
      }
    const departmentCsv = new Map<string, string>();
    for (const department of model.departments) {
      const slugs = new Set(department.publications.map((p) => p.data.slug));
      departmentCsv.set(
        departmentCsvPath(department.slug),
        toCsv(file.projects.filter((record) => slugs.has(record.publication))),
      );
    }
    const totals = buildBreakdown(file.projects);
    data = {
      file,
      index: buildIndexFile(file, links),
      versions,
      departmentCsv,
      csv: toCsv(file.projects),
      totals,
      totalsCsv: buildBreakdownCsv(totals),
    };
    byKey.set(key, data);
  }
  return data;
}
