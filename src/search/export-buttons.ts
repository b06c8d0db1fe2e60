import { formatYuan } from '../domain/amount';
import type { Locale } from '../domain/locales';
import type { Dictionary } from '../i18n/dictionary';
import type { PagefindResult } from './pagefind-types';

/** What the export buttons export: the result set, checked to its end, and the search's address. */
export interface Exportable {
  results: () => Promise<readonly PagefindResult[]>;
  search: string;
}

/**
 * The search page's download buttons: the results as CSV or JSON (the columns and records of the
 * data files), and the totals by department and fiscal year, shown below the results and
 * downloaded as CSV. Each fetches the results' own data files; the writer is loaded on demand.
 */
export function wireExportButtons(options: {
  boxes: readonly HTMLElement[];
  breakdownBox: HTMLElement;
  d: Dictionary;
  locale: Locale;
  exportable: () => Exportable;
  dataFileOf: (result: PagefindResult) => Promise<string>;
}): void {
  const { boxes, breakdownBox, d, locale, exportable, dataFileOf } = options;
  for (const button of boxes.flatMap((box) => [
    ...box.querySelectorAll<HTMLButtonElement>('button[data-format]'),
  ])) {
    button.addEventListener('click', () => {
      const { results, search } = exportable();
      const label = button.textContent;
      button.disabled = true;
      button.textContent = d.search.exporting;
      // Loaded on demand: the CSV writer is most of its weight, and most searches never export.
      void import('./export')
        .then(
          async ({
            buildBreakdown,
            buildBreakdownCsv,
            buildResultsCsv,
            buildResultsJson,
            downloadFile,
            fetchRecords,
            nameExportFile,
          }) => {
            const urls = await Promise.all((await results()).map(dataFileOf));
            const records = await fetchRecords(urls);
            const name = nameExportFile(new URLSearchParams(new URL(search).search), new Date());
            if (button.dataset.format === 'breakdown') {
              // Shown on the page and downloaded: the same rows.
              const rows = buildBreakdown(records);
              breakdownBox.querySelector('tbody')!.replaceChildren(
                ...rows.map((row) => {
                  const tr = document.createElement('tr');
                  for (const [label, value] of [
                    [d.search.breakdown.year, d.fiscalYear(row.fiscalYear)],
                    [
                      d.search.breakdown.department,
                      locale === 'en' ? (row.departmentEn ?? row.department) : row.department,
                    ],
                    [d.search.breakdown.projects, String(row.projects)],
                    [d.search.breakdown.total, formatYuan(row.totalYuan)],
                    [d.search.breakdown.withheld, String(row.withheld)],
                  ] as const) {
                    const td = document.createElement('td');
                    td.dataset.label = label;
                    td.textContent = value;
                    tr.append(td);
                  }
                  return tr;
                }),
              );
              breakdownBox.hidden = false;
              downloadFile(`${name}-totals.csv`, 'text/csv', buildBreakdownCsv(rows));
            } else if (button.dataset.format === 'csv')
              downloadFile(`${name}.csv`, 'text/csv', buildResultsCsv(records));
            else
              downloadFile(`${name}.json`, 'application/json', buildResultsJson(records, search));
          },
        )
        .finally(() => {
          button.disabled = false;
          button.textContent = label;
        });
    });
  }
}
