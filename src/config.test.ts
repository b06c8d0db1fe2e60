import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LIMITS, readSettings } from './config';

describe('settings', () => {
  it('default to localhost, the root, ./content and the listing page size', () => {
    expect(readSettings({}, '/site')).toEqual({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      contentDir: '/site/content',
      root: '/site',
      renderCacheDir: '/site/node_modules/.cache/disclosures-render',
      renderWorkers: availableParallelism(),
      pageCacheDir: '/site/.cache/pages',
      listingPageSize: LIMITS.listingPageSize,
      searchPartitions: [],
      benchTimings: undefined,
      operator: null,
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
        RENDER_CACHE_DIR: '/var/cache/render',
        RENDER_WORKERS: '0',
        PAGE_CACHE_DIR: '/var/cache/pages',
        SEARCH_PARTITIONS: ' /2021, /portal/yjsgk/ ,/2022/,/2021/',
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
      listingPageSize: 20,
      // Normalised, each once, without this build's own base.
      searchPartitions: ['/2021/', '/2022/'],
      benchTimings: '/tmp/t.json',
      operator: null,
    });
  });

  it('refuse a search partition on another origin, which the page could not fetch', () => {
    expect(() => readSettings({ SEARCH_PARTITIONS: 'https://other.example/2021/' }, '/x')).toThrow(
      /base paths on this site's origin/,
    );
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
});
