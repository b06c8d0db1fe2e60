import type { Nodes } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { isWithheldReasonCode, WITHHELD_REASON_CODES } from '../withheld/reasons';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** The directives a disclosure body may use; anything else is a typo or an accidental `:word`. */
export const KNOWN_DIRECTIVES = ['withheld', 'editor-note'] as const;

export function isDirective(node: Nodes): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

/**
 * What is wrong with a withheld directive, or null. The leak guard: a withheld
 * directive must be empty, since anything inside it would be published.
 */
export function withheldDirectiveProblem(node: Directive): string | null {
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

export function unknownDirectiveProblem(node: Directive): string | null {
  if ((KNOWN_DIRECTIVES as readonly string[]).includes(node.name)) return null;
  const colons = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
  return `unknown directive "${colons}${node.name}" (known: ${KNOWN_DIRECTIVES.join(', ')}); if a colon was meant as punctuation, put a space after it`;
}
