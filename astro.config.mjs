// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import rehypeSlug from 'rehype-slug';
import remarkHeadingIds from './src/remark/heading-ids.ts';
import remarkStrictMarkdown from './src/remark/strict-markdown.ts';
import remarkWithheld from './src/remark/withheld.ts';
import remarkEditorNote from './src/remark/editor-note.ts';
import { normalizeBase } from './src/lib/urls.ts';

// Deployment: SITE_URL is the origin (canonical links, feeds, sitemap);
// BASE_PATH the sub-path under a portal, e.g. /portal/yjsgk/. Both are read at build time.
const base = normalizeBase(process.env.BASE_PATH);
const site = process.env.SITE_URL || 'http://localhost:4321';

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
      remarkPlugins: [remarkDirective, remarkStrictMarkdown, remarkHeadingIds, [remarkWithheld, { base }], remarkEditorNote],
      rehypePlugins: [rehypeSlug],
      // Typographic quote rewriting would change the published wording.
      smartypants: false,
    }),
  },
  devToolbar: { enabled: false },
});
