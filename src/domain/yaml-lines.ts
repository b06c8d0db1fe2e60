import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * YAML read with the line of every field, so that a problem found in a value
 * (by a schema, or by the printable check after decoding) names the line an
 * editor can go to. Content files and site.yaml are read with it.
 */

/** A YAML text parsed by the parser that keeps positions, with its line counter. */
export function parseWithLines(yamlText: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  return { doc: parseDocument(yamlText, { lineCounter: counter, prettyErrors: false }), counter };
}

/** `funding.amountYuan` or `basis[0].title` → the path as keys. */
function pathOf(text: string): PropertyKey[] {
  return text === '(file)'
    ? []
    : text
        .split(/\.|\[(\d+)\]/)
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The line of a field (its key where it has one, an unknown or mistyped key included), else of its value. */
export function lineOf(
  doc: Document,
  counter: LineCounter,
  path: string,
  lineOffset = 0,
): number | undefined {
  const keys = pathOf(path);
  for (let n = keys.length; n >= 0; n -= 1) {
    const parent =
      n === 0
        ? undefined
        : n === 1
          ? doc.contents
          : doc.getIn(keys.slice(0, n - 1) as (string | number)[], true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && item.key.value === keys[n - 1],
      );
      if (pair && isScalar(pair.key) && pair.key.range)
        return counter.linePos(pair.key.range[0]).line + lineOffset;
    }
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return counter.linePos(node.range[0] as number).line + lineOffset;
    }
  }
  return undefined;
}

/** The line of each field of a YAML text, for problems found after it was read. */
export function locateFields(
  yamlText: string,
  lineOffset = 0,
): (path: string) => number | undefined {
  const { doc, counter } = parseWithLines(yamlText);
  return (path: string) => lineOf(doc, counter, path, lineOffset);
}
