import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';

const parser = unified().use(remarkParse).use(remarkDirective);

/** Parses a disclosure body the way the site's Markdown pipeline does (CommonMark + directives). */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}
