import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { localeOfContentPath } from '../content/paths';
import { stripEnumeration } from '../domain/enumeration';
import { pageUrl, paths } from '../domain/urls';
import { isWithheldReasonCode, WITHHELD_REASON_CODES } from '../domain/withheld-reasons';
import { isDirective, type Directive } from './directives';
import { withheldMarker } from './withheld-marker';

export interface RemarkWithheldOptions {
  /** Deployment sub-path, for the link to the reasons page. */
  base?: string;
}

/**
 * What is wrong with a withheld directive, or null. The leak guard: a withheld
 * directive must be empty, since anything inside it would be published.
 */
function withheldDirectiveProblem(node: Directive): string | null {
  const reason = node.attributes?.reason;
  if (!isWithheldReasonCode(reason)) {
    return `unknown withheld reason "${reason ?? ''}"; known reasons: ${WITHHELD_REASON_CODES.join(', ')}`;
  }
  if (node.children.length > 0) {
    const text = toString(node).trim();
    return `a withheld directive must be empty, but it contains ${text ? `text ("${text.slice(0, 20)}…")` : 'content'}; remove it so that nothing withheld is published`;
  }
  return null;
}

/**
 * `::withheld{reason=classified}` (or the `:::` container and inline `:` forms)
 * becomes the withheld marker, named after the heading it stands under. A
 * directive with anything inside, or with an unknown reason, is a problem:
 * withheld text must never reach the page.
 */
export default function remarkWithheld(options: RemarkWithheldOptions = {}) {
  const base = options.base ?? '/';
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    let section = '';
    let sectionId = '';
    visit(tree, (node) => {
      if (node.type === 'heading') {
        section = stripEnumeration(toString(node)).trim();
        const id = node.data?.hProperties?.id;
        if (node.depth <= 3) sectionId = typeof id === 'string' ? id : '?';
        return;
      }
      if (!isDirective(node) || node.name !== 'withheld') return;
      const problem = withheldDirectiveProblem(node);
      if (problem) {
        file.message(`section #${sectionId || '?'}: ${problem}`, node);
        // Whatever happens to the message, the text inside a withheld directive is never rendered.
        node.children = [];
        node.data = { hName: node.type === 'textDirective' ? 'span' : 'div', hChildren: [] };
        return;
      }
      const reason = node.attributes?.reason;
      if (!isWithheldReasonCode(reason)) return;
      const marker = withheldMarker({
        reason,
        section,
        locale,
        href: pageUrl(base, locale, paths.withheld(reason)),
        inline: node.type === 'textDirective',
      });
      node.data = {
        hName: marker.tagName,
        hProperties: marker.properties,
        hChildren: marker.children,
      };
    });
  };
}
