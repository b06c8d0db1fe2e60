import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isDirective, withheldDirectiveProblem } from '../markdown/directives';
import { stripEnumeration } from '../lib/enumeration';
import { localeOfContentPath } from '../lib/content-path';
import { pageUrl, paths } from '../lib/urls';
import { withheldMarker } from '../withheld/marker';
import type { WithheldReasonCode } from '../withheld/reasons';

export interface RemarkWithheldOptions {
  /** Deployment sub-path, for the link to the reasons page. */
  base?: string;
}

/**
 * `::withheld{reason=classified}` (or the `:::` container and inline `:` forms)
 * becomes the withheld marker, named after the heading it stands under. A
 * directive with anything inside, or with an unknown reason, fails the build:
 * withheld text must never reach the page.
 */
export default function remarkWithheld(options: RemarkWithheldOptions = {}) {
  const base = options.base ?? '/';
  return (tree: Root, file: VFile) => {
    const locale = localeOfContentPath(file.path);
    let section = '';
    visit(tree, (node) => {
      if (node.type === 'heading') {
        section = stripEnumeration(toString(node)).trim();
        return;
      }
      if (!isDirective(node) || node.name !== 'withheld') return;
      const problem = withheldDirectiveProblem(node);
      if (problem) file.fail(`${problem} (under heading "${section || '(none)'}")`, node);
      const marker = withheldMarker({
        reason: node.attributes?.reason as WithheldReasonCode,
        section,
        locale,
        href: pageUrl(base, locale, paths.withheld(node.attributes?.reason ?? undefined)),
        inline: node.type === 'textDirective',
      });
      node.data = { hName: marker.tagName, hProperties: marker.properties, hChildren: marker.children };
    });
  };
}
