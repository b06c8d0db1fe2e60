// @ts-check
import { defineConfig } from 'astro/config';
import { readSettings, SettingsError } from './src/config.ts';
import contentCheck from './src/integrations/content-check.ts';
import outputAudit from './src/integrations/output-audit.ts';
import dataFiles from './src/integrations/data-files.ts';

// Deployment: SITE_URL is the origin (canonical links, feeds, sitemap);
// BASE_PATH the sub-path under a portal, e.g. /portal/yjsgk/. Both are read in src/config.ts.
// A setting that cannot be used is named in one line (npm run build checks them before it starts).
const {
  siteUrl: site,
  basePath: base,
  pageCacheDir,
} = (() => {
  try {
    return readSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Pages render 32 at a time: rendering is quick, and one at a time the build spent most of its
  // page phase waiting on each file write (2,000 projects: 24 s at 1, 7 to 16 s at 32 here).
  // Stylesheets are always files: the Content-Security-Policy allows no inline style.
  build: { format: 'directory', concurrency: 32, inlineStylesheets: 'never' },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: false },
  },
  // No markdown settings: the site has no Markdown pages, and the content check renders every
  // disclosure body once, with @astrojs/markdown-remark's unified() processor (src/markdown/render.ts).
  // In order: the content check before the build, the data files and the output audit after it.
  // Order matters: build:done hooks run in this order, and the audit checks what data-files wrote.
  // The search index is built after Astro's process (one index), or in parts beside the output
  // audit once Astro says the pages and data files are written (scripts/build-site.mjs,
  // src/integrations/output-written.ts).
  integrations: [contentCheck(), dataFiles(), outputAudit()],
  devToolbar: { enabled: false },
  // A rebuild copies each project page whose data (its cache key, src/site/page-data.ts) and code
  // are those of the last build, instead of rendering it; the output is byte-identical to a clean
  // build (tests/build/atomic.test.ts). The cache lives in PAGE_CACHE_DIR (src/config.ts).
  cacheDir: pageCacheDir,
  experimental: { incrementalBuild: true },
  // The kept pages are output, not source: the dev server must not watch tens of thousands of them.
  vite: { server: { watch: { ignored: [`${pageCacheDir}/**`] } } },
});
