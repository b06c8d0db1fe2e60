import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import rehypeSlug from 'rehype-slug';
import rehypeExternalLinks from 'rehype-external-links';
import rehypePassageIds from './rehype-passage-ids';
import rehypeSectionLinks from './rehype-section-links';
import remarkEditorNote from './remark-editor-note';
import remarkEnglish from './remark-english';
import remarkHeadingIds from './remark-heading-ids';
import remarkOutline from './remark-outline';
import remarkStrictMarkdown from './remark-strict-markdown';
import remarkWithheld from './remark-withheld';
import remarkCountParses from './parse-count';

type Plugins<P> = (P | [P, unknown])[];

/** Astro's unified processor parses with GitHub-flavoured Markdown; the check must parse exactly as it does. */
export const GFM = true;

/**
 * The body rules, in order: every rule about a disclosure body lives in one of
 * these plugins and nowhere else. Each reports with `file.message()`; the
 * outline plugin leaves what it read in `file.data.outline`. The check and the
 * pages get both from one rendering pass (src/markdown/render.ts).
 */
export function bodyRules(base: string): Plugins<RemarkPlugin> {
  return [
    remarkCountParses,
    remarkDirective,
    remarkStrictMarkdown,
    remarkHeadingIds,
    remarkOutline,
    [remarkWithheld, { base }],
    remarkEditorNote,
    remarkEnglish,
  ];
}

/** rehype-slug gives any heading without an explicit id one; section links then go after h2/h3. */
export const rehypePlugins: Plugins<RehypePlugin> = [
  // Before rehype-slug, which leaves headings that already have an id alone.
  rehypePassageIds,
  rehypeSlug,
  rehypeSectionLinks,
  // A link that leaves the site gets no window.opener and sends no referrer.
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
];
