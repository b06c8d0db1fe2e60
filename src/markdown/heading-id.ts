import type { Heading, Text } from 'mdast';

/** `{#some-id}` at the end of a heading: the stable anchor a portal links to. */
const ID_SUFFIX = /\s*\{#([^}\s]*)\}\s*$/;
export const ANCHOR_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The explicit id written at the end of a heading, or null. Does not change the node. */
export function readHeadingId(heading: Heading): string | null {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return null;
  return ID_SUFFIX.exec(last.value)?.[1] ?? null;
}

/** Removes the `{#id}` suffix from the heading's text and returns the id. */
export function takeHeadingId(heading: Heading): string | null {
  const last = heading.children.at(-1) as Text | undefined;
  const id = readHeadingId(heading);
  if (id === null || !last) return null;
  last.value = last.value.replace(ID_SUFFIX, '');
  return id;
}
