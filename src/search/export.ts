import { CSV_COLUMNS, csvRow, writeCsv } from '../data/csv';
import type { ProjectRecord } from '../data/record-schemas';
export { buildBreakdown, buildBreakdownCsv } from '../data/breakdown';

/**
 * The result set as files, built in the browser from each project's own JSON
 * file: the CSV has exactly the columns of /data/disclosures.csv and goes
 * through the same writer (byte-order mark, CRLF, formula cells neutralised);
 * the JSON holds the same records as the per-project files.
 */

/** Project files fetched at once while exporting. */
const CONCURRENT_FETCHES = 8;

export async function fetchRecords(urls: readonly string[]): Promise<ProjectRecord[]> {
  const records: ProjectRecord[] = new Array<ProjectRecord>(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      const response = await fetch(urls[i]!);
      if (!response.ok) throw new Error(`${urls[i] ?? ''}: HTTP ${response.status}`);
      records[i] = (await response.json()) as ProjectRecord;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FETCHES, urls.length) }, worker));
  return records;
}

export function buildResultsCsv(records: readonly ProjectRecord[]): string {
  return writeCsv(CSV_COLUMNS, records.map(csvRow));
}

/** The search's own URL says which query the file answers. */
export function buildResultsJson(records: readonly ProjectRecord[], search: string): string {
  return `${JSON.stringify({ search, count: records.length, projects: records }, null, 2)}\n`;
}

/**
 * The file name of an export: the query and the date, so that two exports do
 * not overwrite each other and each says what it holds: 人脸-2026-11-30.
 */
export function nameExportFile(params: URLSearchParams, date: Date): string {
  const words = [...params.values()].join(' ').trim();
  const safe = words
    .replace(/[\\/:*?"<>|\s.]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${safe || 'search-results'}-${date.toISOString().slice(0, 10)}`;
}

/** Hands a file to the browser's download. */
export function downloadFile(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
