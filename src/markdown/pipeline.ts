import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import rehypeSlug from 'rehype-slug';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSectionLinks from '../rehype/section-links';
import remarkEditorNote from '../remark/editor-note';
import remarkHeadingIds from '../remark/heading-ids';
import remarkStrictMarkdown from '../remark/strict-markdown';
import remarkWithheld from '../remark/withheld';

/** The remark plugins of a disclosure body, in order; astro.config.mjs and the fixture tests share them. */
export function remarkPlugins(base: string): (RemarkPlugin | [RemarkPlugin, unknown])[] {
  return [remarkDirective, remarkStrictMarkdown, remarkHeadingIds, [remarkWithheld, { base }], remarkEditorNote];
}

/** rehype-slug gives any heading without an explicit id one; section links then go after h2/h3. */
export const rehypePlugins: (RehypePlugin | [RehypePlugin, unknown])[] = [
  rehypeSlug,
  rehypeSectionLinks,
  // A link that leaves the site gets no window.opener and sends no referrer.
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
];
