import type { Nodes } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** The directives a disclosure body may use; anything else is a typo or an accidental `:word`. */
export const KNOWN_DIRECTIVES = ['withheld', 'editor-note', 'untranslated', 'origin'] as const;

/** Directives only an English body may hold: where its English came from (src/markdown/remark-english.ts). */
export const ENGLISH_DIRECTIVES: readonly string[] = ['untranslated', 'origin'];

export function isDirective(node: Nodes): node is Directive {
  return (
    node.type === 'containerDirective' ||
    node.type === 'leafDirective' ||
    node.type === 'textDirective'
  );
}
