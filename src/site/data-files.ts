import { createHash } from 'node:crypto';
import type { DisclosuresFile, IndexFile, VersionRecord } from '../data/record-schemas';
import {
  buildDisclosuresFile,
  buildIndexFile,
  buildLinks,
  buildVersionRecord,
  DATA_FILES,
  departmentCsvPath,
  projectDataPath,
  projectVersionPath,
} from '../data/records';
import { buildBreakdown, buildBreakdownCsv, type BreakdownRow } from '../data/breakdown';
import { toCsv } from '../data/csv';
import type { Model } from '../model/types';
import { sha256 } from '../files/kept';
import { formatJson, splitFormattedJson } from './links';

export interface SiteData {
  /** /data/disclosures.json; the CSV and the per-project files hold the same records. */
  file: DisclosuresFile;
  /** Each project's own JSON file, below the base, in the order of `file.projects`. */
  projectFiles: readonly string[];
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
      projectFiles: model.projects.map(projectDataPath),
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

/** Where emitJsonFiles puts what it formats: a file whole, or a piece at a time, in order. */
export interface JsonFileSink {
  whole: (path: string, text: string) => void;
  piece: (path: string, text: string) => void;
}

const digestsOf = new WeakMap<SiteData, ReadonlyMap<string, string>>();

/**
 * Formats every JSON data file once, for `sink`: each project's own file, then disclosures.json
 * in pieces made from those texts (never one string), the earlier versions' records and
 * index.json. Returns the SHA-256 of each file's bytes by path, and keeps them for
 * readJsonDigests: the output audit compares each written file with them.
 */
export function emitJsonFiles(data: SiteData, sink: JsonFileSink): ReadonlyMap<string, string> {
  const digests = new Map<string, string>();
  const whole = (path: string, text: string) => {
    sink.whole(path, text);
    digests.set(path, sha256(text));
  };
  const { head, piece, tail } = splitFormattedJson(data.file, 'projects');
  const all = createHash('sha256');
  const add = (text: string) => {
    sink.piece(DATA_FILES.json, text);
    all.update(text);
  };
  add(head);
  data.file.projects.forEach((record, i) => {
    const text = formatJson(record);
    whole(data.projectFiles[i]!, text);
    add(piece(text, i));
  });
  add(tail);
  digests.set(DATA_FILES.json, all.digest('hex'));
  for (const [path, record] of data.versions) whole(path, formatJson(record));
  whole(DATA_FILES.index, formatJson(data.index));
  digestsOf.set(data, digests);
  return digests;
}

/** The SHA-256 of each JSON data file as emitJsonFiles formats it, by path below the base. */
export function readJsonDigests(data: SiteData): ReadonlyMap<string, string> {
  return (
    digestsOf.get(data) ?? emitJsonFiles(data, { whole: () => undefined, piece: () => undefined })
  );
}
