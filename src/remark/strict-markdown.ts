import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isDirective, unknownDirectiveProblem } from '../markdown/directives';

const SAFE_SCHEME = /^(?:https?|mailto):/i;

/** Relative URLs and http(s)/mailto only; `javascript:`, `data:` and the like are refused. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme (java\tscript:), so strip them first.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''));
  return scheme === null || SAFE_SCHEME.test(scheme[0]);
}

/**
 * Disclosures are text written by office staff: raw HTML is rejected (not
 * sanitised) so that no script, event handler or javascript: URL can reach a
 * page, and an unknown directive is reported rather than silently dropped.
 */
export default function remarkStrictMarkdown() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'html') file.fail('raw HTML is not allowed in a disclosure; write plain Markdown', node);
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
        file.fail(`link "${node.url}" is not allowed: use http(s), mailto or a relative address`, node);
      }
      if (isDirective(node)) {
        const problem = unknownDirectiveProblem(node);
        if (problem) file.fail(problem, node);
      }
    });
  };
}
