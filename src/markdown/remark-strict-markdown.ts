import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { LIMITS } from '../domain/limits';
import { findUnprintable } from '../domain/printable';
import { isDirective, KNOWN_DIRECTIVES } from './directives';

const SAFE_SCHEME = /^(?:https?|mailto):/i;

/** Browsers ignore control characters and spaces inside a scheme (java\tscript:), so strip them before reading it. */
// eslint-disable-next-line no-control-regex -- control characters are what this strips
const compact = (url: string) => url.replace(/[\u0000-\u0020]/g, '');

/** Relative URLs and http(s)/mailto only; `javascript:`, `data:` and the like are refused. */
function isSafeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact(url));
  return scheme === null || SAFE_SCHEME.test(scheme[0]);
}

/** An address on another host (`https://…`, `//host/…`): the CSP blocks such images, so the check refuses them. */
function isExternalUrl(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(compact(url));
}

/**
 * Disclosures are text written by office staff: raw HTML is rejected (not
 * sanitised) so that no script, event handler or javascript: URL can reach a
 * page; an image from another host is rejected (the page would show a hole);
 * and an unknown directive is reported rather than silently dropped.
 */
/** The first node nested deeper in quotes and lists than a disclosure ever is, or null. */
function findTooDeep(node: Nodes, depth = 0): Nodes | null {
  const own = node.type === 'blockquote' || node.type === 'list' ? depth + 1 : depth;
  if (own > LIMITS.maxNestingDepth) return node;
  if (!('children' in node)) return null;
  for (const child of node.children) {
    const found = findTooDeep(child, own);
    if (found) return found;
  }
  return null;
}

export default function remarkStrictMarkdown() {
  return (tree: Root, file: VFile) => {
    const tooDeep = findTooDeep(tree);
    if (tooDeep) {
      file.message(
        `quotes and lists are nested more than ${LIMITS.maxNestingDepth} deep here; a disclosure nests nothing like that`,
        tooDeep,
      );
      // Cut off what lies deeper, so that the plugins after this one, which walk the tree
      // recursively, do not overflow the stack on it: the body is refused in any case.
      if ('children' in tooDeep) tooDeep.children = [];
      return;
    }
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url));
    visit(tree, (node) => {
      // A character reference (&#7;) decodes to what the file could not hold as written.
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
        const problem = findUnprintable(node.value);
        if (problem) file.message(`the text ${problem}`, node);
      }
      if (node.type === 'html')
        file.message('raw HTML is not allowed in a disclosure; write plain Markdown', node);
      if (
        (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
        !isSafeUrl(node.url)
      ) {
        file.message(
          `link "${node.url}" is not allowed: use http(s), mailto or a relative address`,
          node,
        );
      }
      const imageUrl =
        node.type === 'image'
          ? node.url
          : node.type === 'imageReference'
            ? definitions.get(node.identifier)
            : undefined;
      if (imageUrl !== undefined && isExternalUrl(imageUrl) && isSafeUrl(imageUrl)) {
        file.message(
          `image "${imageUrl}" is on another host; put images in the site (public/) and link them with a relative address`,
          node,
        );
      }
      if (isDirective(node) && !(KNOWN_DIRECTIVES as readonly string[]).includes(node.name)) {
        const colons =
          node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
        file.message(
          `unknown directive "${colons}${node.name}" (known: ${KNOWN_DIRECTIVES.join(', ')}); if a colon was meant as punctuation, put a space after it`,
          node,
        );
      }
    });
  };
}
