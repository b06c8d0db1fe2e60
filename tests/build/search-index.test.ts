import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
import { ContentFixture } from '../../src/generate/fixture';
import { LOCALES } from '../../src/domain/locales';
import { readFragments } from '../../src/search/index-parts';
import {
  amountTableFile,
  PAGEFIND_LANGUAGE,
  readAmountsFilter,
  type AmountTable,
} from '../../src/search/keys';
import { readBuildReport } from '../../src/files/build-report';
import { astroBuild } from '../support/astro';
import { DIST, PORTAL_DIST, ROOT, TEST_SITE } from '../support/paths';
import { killWhen } from '../support/kill';
import { readIndexParts as readParts } from '../support/dist';
import { treeHashes } from '../support/tree';

const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

interface Records {
  projects: {
    amount: { yuan?: number };
    estimate: { yuan: number } | null;
    fiscalYear: number;
    url: Record<'zh' | 'en', string>;
  }[];
}
const readRecords = (dist: string) =>
  JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as Records;

describe('the search index, built from the written pages beside the audit', () => {
  const oneRun = mkdtempSync(join(tmpdir(), 'pagefind-one-run-'));
  afterAll(() => rmSync(oneRun, { recursive: true, force: true }));

  it.each([
    ['at the root', DIST, ''],
    ['under the portal base', PORTAL_DIST, '/portal/yjsgk/'],
  ])('is one index, the one a Pagefind run over the project pages writes (%s)', (_, dist, base) => {
    const { projects } = readRecords(dist);
    const years = [...new Set(projects.map((p) => p.fiscalYear))].sort((a, b) => b - a);
    const parts = readParts(dist);
    // One index of every year by default (SEARCH_INDEX_PARTS); parts by year are tested below.
    expect(parts.map((p) => p.path)).toEqual(['all/']);
    const partYears = [years];
    expect(partYears.flat().sort()).toEqual([...years].sort());
    for (const [i, group] of partYears.entries()) {
      // That part's project pages alone, in both languages, at their paths.
      const site = join(oneRun, `${base ? 'portal' : 'root'}-${i}`);
      for (const project of projects.filter((p) => group.includes(p.fiscalYear)))
        for (const locale of LOCALES) {
          const page = `${new URL(project.url[locale]).pathname.slice(base.length || 1)}index.html`;
          mkdirSync(dirname(join(site, page)), { recursive: true });
          cpSync(join(dist, page), join(site, page));
        }
      const out = join(site, '_index');
      const run = spawnSync(process.execPath, [PAGEFIND, '--site', site, '--output-path', out], {
        encoding: 'utf8',
      });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(treeHashes(join(dist, 'pagefind', parts[i]!.path))).toEqual(treeHashes(out));
    }
  });

  it('has an amount table per language: each indexed page’s amounts and year, as the data says', () => {
    const { projects } = readRecords(DIST);
    const byPath = new Map(
      projects.flatMap((r) =>
        LOCALES.map((locale) => [
          new URL(r.url[locale]).pathname,
          [r.amount.yuan ?? null, r.estimate?.yuan ?? null, r.fiscalYear],
        ]),
      ),
    );
    // Every page of every part, by its id: an id two parts give has no amounts of its own (null).
    const expected: Record<string, unknown> = {};
    for (const part of readParts(DIST))
      for (const [id, fragment] of readFragments(join(DIST, 'pagefind', part.path)))
        expected[id] =
          id in expected ? null : byPath.get(new URL(fragment.url, TEST_SITE).pathname);
    expect(Object.keys(expected)).toHaveLength(projects.length * LOCALES.length);
    // Each page's result data carries the same amounts (a word query needs no table).
    for (const part of readParts(DIST))
      for (const [id, fragment] of readFragments(join(DIST, 'pagefind', part.path)))
        expect(readAmountsFilter(fragment.filters), fragment.url).toEqual(expected[id]);
    for (const locale of LOCALES) {
      const table = JSON.parse(
        readFileSync(join(DIST, 'pagefind', amountTableFile(locale)), 'utf8'),
      ) as AmountTable;
      expect(table).toEqual(
        Object.fromEntries(
          Object.entries(expected).filter(([id]) => id.startsWith(`${PAGEFIND_LANGUAGE[locale]}_`)),
        ),
      );
    }
  });

  it('holds every project page of each language, and nothing else', async () => {
    const model = await loadModel(join(ROOT, 'content'));
    const count: Record<string, number> = {};
    for (const part of readParts(DIST)) {
      const entry = JSON.parse(
        readFileSync(join(DIST, 'pagefind', part.path, 'pagefind-entry.json'), 'utf8'),
      ) as { languages: Record<string, { page_count: number }> };
      for (const [language, { page_count }] of Object.entries(entry.languages))
        count[language] = (count[language] ?? 0) + page_count;
    }
    // Every project has a page in each language; an English page whose translation is pending is
    // indexed too (it carries the figures and the link to the original).
    expect(count).toEqual({ 'zh-cn': model.projects.length, en: model.projects.length });
  });
});

describe('parts kept between builds', () => {
  // Three fiscal years, two projects each.
  const content = new ContentFixture({ count: 6, perPublication: 2, years: 3, seed: 29 });
  const work = mkdtempSync(join(tmpdir(), 'search-parts-'));
  const cache = join(work, 'search-cache');
  const dist = join(work, 'dist');
  // Parts by fiscal year, the layout a site chooses when a rebuild must not index every page again.
  const env = {
    CONTENT_DIR: content.dir,
    BASE_PATH: '',
    SITE_URL: TEST_SITE,
    SEARCH_INDEX_PARTS: 'fiscal-year',
  };
  afterAll(() => {
    content.remove();
    rmSync(work, { recursive: true, force: true });
  });

  /** The index step alone on the built site (scripts/index-search.ts), with a given cache. */
  const report = join(work, 'report');
  const index = (cacheDir: string) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index-search.ts', dist], {
      cwd: ROOT,
      env: { ...process.env, ...env, SEARCH_CACHE_DIR: cacheDir, BUILD_REPORT_DIR: report },
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    return readBuildReport(report).searchIndex!;
  };
  /** What the index step writes: the index folder and the search pages it points. */
  const published = () => ({
    ...treeHashes(join(dist, 'pagefind')),
    zh: readFileSync(join(dist, 'search/index.html'), 'utf8'),
    en: readFileSync(join(dist, 'en/search/index.html'), 'utf8'),
  });
  /** What the index step reads: the built site but what it writes itself. */
  const input = () =>
    JSON.stringify(
      Object.entries(treeHashes(dist)).filter(
        ([file]) => !file.startsWith('pagefind/') && !/^(?:en\/)?search\/index\.html$/.test(file),
      ),
    );
  /** The last index from nothing, and the pages it was made from. */
  let fromNothing: { input: string; published: ReturnType<typeof published> } | undefined;
  /**
   * The same site indexed from nothing: once per state of its pages (indexing it costs seconds,
   * and three tests ask of the same pages), again whenever they differ from the last time's.
   */
  const clean = () => {
    const now = input();
    if (fromNothing?.input === now) return fromNothing.published;
    const empty = mkdtempSync(join(work, 'empty-'));
    index(empty);
    rmSync(empty, { recursive: true, force: true });
    fromNothing = { input: now, published: published() };
    return fromNothing.published;
  };
  /** The parts' years, newest first; three. */
  let years: [string, string, string] = ['', '', ''];

  beforeAll(() => {
    const built = astroBuild(dist, { env: { ...env, SEARCH_CACHE_DIR: cache } });
    expect(built.status, built.output).toBe(0);
    const [a = '', b = '', c = ''] = readParts(dist).map((p) => p.path.slice(0, -1));
    years = [a, b, c];
    expect(built.report.searchIndex).toMatchObject({ layout: 'fiscal-year', parts: 3 });
    expect(built.report.searchIndex?.indexed).toHaveLength(3);
  }, 300_000);

  it('re-indexes only the year whose pages changed, and publishes what a build from nothing would', () => {
    expect(index(cache)).toMatchObject({ parts: 3, indexed: [] });
    const [file] = content.find(new RegExp(`/${years[1]}/zh/[^/]+\\.md$`));
    content.edit(file!, (text) => `${text}\n本段为检验索引分部所加。\n`);
    const rebuilt = astroBuild(dist, { env: { ...env, SEARCH_CACHE_DIR: cache } });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    // The Chinese body changed the Chinese page: Pagefind runs over that year's Chinese pages alone.
    expect(rebuilt.report.searchIndex).toMatchObject({
      parts: 3,
      indexed: [years[1]],
      runs: [`${years[1]}/zh-cn`],
    });
    const kept = published();
    expect(kept).toEqual(clean());
    // Only this build's parts stay in the cache, each language of each.
    expect(
      readdirSync(cache)
        .map((name) => name.split('.').slice(0, 2).join('.'))
        .sort(),
    ).toEqual(years.flatMap((year) => [`${year}.en`, `${year}.zh`]).sort());
  }, 300_000);

  it('indexes again a kept part whose files changed since, rather than publish them', () => {
    index(cache);
    const expected = clean();
    const kept = readdirSync(cache).find((name) => name.startsWith(`${years[2]}.en.`))!;
    const fragments = join(cache, kept, 'bundle/fragment');
    appendFileSync(join(fragments, readdirSync(fragments)[0]!), 'x');
    expect(index(cache)).toMatchObject({ parts: 3, indexed: [years[2]], runs: [`${years[2]}/en`] });
    expect(published()).toEqual(expected);
  });

  it('indexes again a part whose manifest is missing (a kept part is whole only with it)', () => {
    const expected = clean();
    index(cache);
    const kept = readdirSync(cache).find((name) => name.startsWith(`${years[0]}.zh.`))!;
    rmSync(join(cache, kept, 'manifest.json'));
    expect(index(cache)).toMatchObject({
      parts: 3,
      indexed: [years[0]],
      runs: [`${years[0]}/zh-cn`],
    });
    expect(published()).toEqual(expected);
  });

  it('killed with -9 while it indexes, leaves nothing the next build uses: it finishes the same', async () => {
    const expected = clean();
    const fresh = join(work, 'killed-cache');
    let interrupted = false;
    // The staging folder lives while Pagefind writes a part: kill as soon as one is there.
    for (let attempt = 0; attempt < 5 && !interrupted; attempt++) {
      rmSync(fresh, { recursive: true, force: true });
      const staging = () =>
        existsSync(fresh) && readdirSync(fresh).some((name) => name.startsWith('.staging-'));
      interrupted = await killWhen(
        ['--import', 'tsx', 'scripts/index-search.ts', dist],
        {
          cwd: ROOT,
          env: { ...process.env, ...env, SEARCH_CACHE_DIR: fresh, BUILD_REPORT_DIR: report },
        },
        staging,
        1,
      );
    }
    expect(interrupted, 'the index step ended before it could be interrupted').toBe(true);
    expect(readdirSync(fresh).some((name) => name.startsWith('.staging-'))).toBe(true);
    expect(index(fresh).parts).toBe(3);
    expect(published()).toEqual(expected);
    // The killed run's staging folder is gone; only the three parts stay, each language of each.
    expect(
      readdirSync(fresh)
        .map((name) => name.split('.').slice(0, 2).join('.'))
        .sort(),
    ).toEqual(years.flatMap((year) => [`${year}.en`, `${year}.zh`]).sort());
  }, 120_000);
});
