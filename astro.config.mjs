// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { readSettings } from './src/config.ts';
import { GFM, rehypePlugins, remarkPlugins } from './src/markdown/pipeline.ts';
import pagefind from './src/integrations/pagefind.ts';
import contentCheck from './src/integrations/content-check.ts';
import outputAudit from './src/integrations/output-audit.ts';
import dataFiles from './src/integrations/data-files.ts';

// Deployment: SITE_URL is the origin (canonical links, feeds, sitemap);
// BASE_PATH the sub-path under a portal, e.g. /portal/yjsgk/. Both are read in src/config.ts.
const { siteUrl: site, basePath: base } = readSettings();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark plugins; ours need unified.
    processor: unified({
      remarkPlugins: remarkPlugins(base),
      // The content check parses exactly as this does (src/markdown/check.ts).
      gfm: GFM,
      rehypePlugins,
      // Typographic quote rewriting would change the published wording.
      smartypants: false,
    }),
  },
  // In order: the content check before the build, the output audit after it, then the search index.
  // Order matters: build:done hooks run in this order, and the audit checks what data-files wrote.
  integrations: [contentCheck(), dataFiles(), outputAudit(), pagefind()],
  devToolbar: { enabled: false },
});
