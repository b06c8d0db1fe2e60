import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPageSettings, readSettings, SettingsError } from './config';
import { LIMITS } from './domain/limits';

describe('settings', () => {
  it('default to localhost, the root, ./content and the listing page size', () => {
    expect(readSettings({}, '/site')).toEqual({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      contentDir: '/site/content',
      root: '/site',
      renderCacheDir: '/site/.cache/render',
      renderWorkers: availableParallelism(),
      pageCacheDir: '/site/.cache/pages',
      searchCacheDir: '/site/.cache/search',
      searchIndexParts: 'one',
      listingPageSize: LIMITS.listingPageSize,
      searchPartitions: [],
      benchTimings: undefined,
      buildReportDir: '/site/.cache/build-report',
      buildStep: '/site/scripts/build-site.mjs',
      operator: null,
      serve: { host: '127.0.0.1', port: 4321 },
    });
  });

  it('read every variable, normalising the base path and resolving the content folder', () => {
    const settings = readSettings(
      {
        SITE_URL: 'https://czj.example.gov.cn',
        BASE_PATH: 'portal/yjsgk',
        CONTENT_DIR: 'other',
        LISTING_PAGE_SIZE: '20',
        BENCH_TIMINGS: '/tmp/t.json',
        BUILD_REPORT_DIR: 'report',
        BUILD_STEP: '/opt/stand-in.mjs',
        RENDER_CACHE_DIR: '/var/cache/render',
        RENDER_WORKERS: '0',
        PAGE_CACHE_DIR: '/var/cache/pages',
        SEARCH_CACHE_DIR: '/var/cache/search',
        SEARCH_INDEX_PARTS: 'fiscal-year',
        SEARCH_PARTITIONS: ' /2021, /portal/yjsgk/ ,/2022/,/2021/',
        HOST: '0.0.0.0',
        PORT: '8080',
      },
      '/site',
    );
    expect(settings).toEqual({
      siteUrl: 'https://czj.example.gov.cn',
      basePath: '/portal/yjsgk/',
      contentDir: '/site/other',
      root: '/site',
      renderCacheDir: '/var/cache/render',
      renderWorkers: 0,
      pageCacheDir: '/var/cache/pages',
      searchCacheDir: '/var/cache/search',
      searchIndexParts: 'fiscal-year',
      listingPageSize: 20,
      // Normalised, each once, without this build's own base.
      searchPartitions: ['/2021/', '/2022/'],
      benchTimings: '/tmp/t.json',
      buildReportDir: '/site/report',
      buildStep: '/opt/stand-in.mjs',
      operator: null,
      serve: { host: '0.0.0.0', port: 8080 },
    });
  });

  it('refuse a search partition on another origin, which the page could not fetch', () => {
    expect(() => readSettings({ SEARCH_PARTITIONS: 'https://other.example/2021/' }, '/x')).toThrow(
      /base paths on this site's origin/,
    );
  });

  it('refuse a search index layout it does not know, naming the two it does', () => {
    for (const layout of ['by-year', 'ONE', '2']) {
      expect(() => readSettings({ SEARCH_INDEX_PARTS: layout }), layout).toThrow(
        /SEARCH_INDEX_PARTS must be one or fiscal-year/,
      );
    }
  });

  it('refuse a worker count that is not a whole number from 0', () => {
    for (const count of ['-1', '1.5', 'many']) {
      expect(() => readSettings({ RENDER_WORKERS: count }), count).toThrow(
        /RENDER_WORKERS must be a whole number from 0/,
      );
    }
  });

  it('refuse a page size that is not a whole number from 1', () => {
    for (const size of ['0', '-5', '2.5', 'ten']) {
      expect(() => readSettings({ LISTING_PAGE_SIZE: size }), size).toThrow(
        /LISTING_PAGE_SIZE must be a whole number from 1/,
      );
    }
  });

  it('name the variable of any value they cannot use, in one line', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SITE_URL: 'javascript:alert(1)' }, /^SITE_URL must be an http:\/\/ or https:\/\/ address/],
      [
        { SITE_URL: 'not a url' },
        /^SITE_URL must be the site's address, .*"not a url" is not an address$/,
      ],
      [
        { SITE_URL: 'ftp://files.example.gov.cn' },
        /^SITE_URL must be an http:\/\/ or https:\/\/ address/,
      ],
      [
        { SITE_URL: 'https://czj.example.gov.cn/portal/' },
        /^SITE_URL is the origin alone .*give the sub-path "\/portal\/" as BASE_PATH$/,
      ],
      [
        { SITE_URL: 'https://user:pw@czj.example.gov.cn' },
        /^SITE_URL must be the site's origin alone/,
      ],
      [{ BASE_PATH: '/portal/"><script>/' }, /^BASE_PATH must be a path on this site's origin/],
      [{ BASE_PATH: '/portal/../x/' }, /^BASE_PATH must be a path on this site's origin/],
      [
        { CONTENT_DIR: 'content\u202e' },
        /^CONTENT_DIR contains a bidirectional override \(U\+202E\)/,
      ],
      [
        { SEARCH_PARTITIONS: '/2021/,/a b/' },
        /^SEARCH_PARTITIONS must be a path on this site's origin/,
      ],
      [{ LISTING_PAGE_SIZE: 'ten' }, /^LISTING_PAGE_SIZE must be a whole number from 1/],
      [{ PORT: '70000' }, /^PORT must be a port from 1 to 65535, not "70000"/],
      [{ PORT: 'http' }, /^PORT must be a whole number from 1/],
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        readSettings(env, '/nowhere');
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(env)).toBeInstanceOf(SettingsError);
      expect((thrown as Error).message, JSON.stringify(env)).toMatch(message);
      expect((thrown as Error).message).not.toContain('\n');
    }
  });
});

describe('the settings a page is made from', () => {
  const base = { SITE_URL: 'https://czj.example.gov.cn', BASE_PATH: '/yjsgk/' };

  it('leave out where a build writes, how fast it runs and how the site is served', () => {
    const built = readPageSettings(base, '/site');
    const elsewhere = readPageSettings(
      {
        ...base,
        CONTENT_DIR: '/elsewhere/content',
        BENCH_TIMINGS: '/tmp/t.json',
        BUILD_REPORT_DIR: '/tmp/report',
        BUILD_STEP: '/opt/stand-in.mjs',
        RENDER_CACHE_DIR: '/tmp/render',
        RENDER_WORKERS: '1',
        PAGE_CACHE_DIR: '/tmp/pages',
        SEARCH_CACHE_DIR: '/tmp/search',
        HOST: '0.0.0.0',
        PORT: '8080',
      },
      '/other-site',
    );
    expect(elsewhere).toEqual(built);
    expect(JSON.stringify(elsewhere)).toBe(JSON.stringify(built));
  });

  it('keep every setting a page shows', () => {
    const built = readPageSettings(base, '/site');
    expect(built).toMatchObject({
      siteUrl: 'https://czj.example.gov.cn',
      basePath: '/yjsgk/',
      operator: null,
    });
    for (const change of [
      { SITE_URL: 'https://other.example.gov.cn' },
      { BASE_PATH: '/' },
      { LISTING_PAGE_SIZE: '20' },
      { SEARCH_PARTITIONS: '/2021/' },
      { SEARCH_INDEX_PARTS: 'fiscal-year' },
    ])
      expect(readPageSettings({ ...base, ...change }, '/site'), JSON.stringify(change)).not.toEqual(
        built,
      );
  });
});

describe('site.yaml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-yaml-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const VALID = [
    'operator:',
    '  zh: 某市财政局',
    '  en: City Finance Bureau',
    'contact: mailto:contact@example.gov.cn',
    'errorReport: https://example.gov.cn/report/',
    'licence:',
    '  name:',
    '    zh: 知识共享署名 4.0 国际许可协议',
    '    en: Creative Commons Attribution 4.0 International',
    '  url: https://creativecommons.org/licenses/by/4.0/',
  ];
  /** The settings with a site.yaml of these lines; the error message if it is refused. */
  let made = 0;
  const read = (lines: string[]) => {
    // The settings are made once per set of variables, so each case has a folder of its own.
    const root = join(dir, String(++made));
    mkdirSync(root);
    writeFileSync(join(root, 'site.yaml'), `${lines.join('\n')}\n`);
    try {
      return readSettings({ SITE_CONFIG: 'site.yaml' }, root).operator;
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      return (error as Error).message;
    }
  };
  const replace = (line: number, text: string) => VALID.map((l, i) => (i === line - 1 ? text : l));

  it('names the operator, the contact, the error report and the licence', () => {
    expect(read(VALID)).toMatchObject({
      operator: { zh: '某市财政局', en: 'City Finance Bureau' },
      contact: 'mailto:contact@example.gov.cn',
    });
  });

  it('refuses an address that is not http(s) or mailto:, with its line', () => {
    expect(read(replace(5, 'errorReport: javascript:alert(1)'))).toBe(
      'site.yaml:5: errorReport: must be an http:// or https:// address',
    );
    expect(read(replace(4, 'contact: javascript:alert(1)'))).toBe(
      'site.yaml:4: contact: must be an http://, https:// or mailto: address',
    );
    expect(read(replace(10, '  url: mailto:x@example.org'))).toBe(
      'site.yaml:10: licence.url: must be an http:// or https:// address',
    );
  });

  it('refuses control, bidirectional and zero-width characters, written or escaped, with their line', () => {
    expect(read(replace(2, '  zh: 某市\u200b财政局'))).toBe(
      'site.yaml:2: operator.zh: contains an invisible zero-width character (U+200B); delete it (it is invisible or breaks the feeds)',
    );
    expect(read(replace(3, '  en: "City \\u0007Finance Bureau"'))).toBe(
      'site.yaml:3: operator.en: contains a control character (U+0007); delete it (it is invisible or breaks the feeds)',
    );
    expect(read(replace(3, '  en: "City \\u202eFinance"'))).toMatch(
      /^site\.yaml:3: operator\.en: contains a bidirectional override \(U\+202E\)/,
    );
  });

  it('refuses a name longer than a name can be', () => {
    expect(read(replace(2, `  zh: ${'财'.repeat(180_000)}`))).toMatch(
      /^site\.yaml:2: operator\.zh: is 180000 characters long, more than the 4000 a value may have/,
    );
    expect(read(replace(2, `  zh: ${'财'.repeat(400)}`))).toBe(
      'site.yaml:2: operator.zh: is longer than the 300 characters a name may have',
    );
  });

  it('refuses YAML it cannot read, with the line', () => {
    expect(read([...VALID, 'contact: [unclosed'])).toMatch(/^site\.yaml:11: YAML syntax error/);
  });
});
