import { diffArrays } from 'diff';

/**
 * Paragraph anchors that stay put across versions of a text, so that a
 * citation of `#approach-p2` keeps landing on the paragraph it cited. The
 * first version numbers a section's passages 1, 2, 3…; each later version
 * keeps the number of every passage it has unchanged, gives a passage it
 * rewords in place the number of the one it replaces, and gives a passage it
 * inserts the next number the section never used. A number whose passage a
 * later version removed is never given again: it is `gone`, and the page
 * sends it to the revision history that says what happened.
 */
export interface PassageNumbers {
  /** For each passage of the current version, in order, its number. */
  current: number[];
  /** Numbers of passages earlier versions had and the current one does not. */
  gone: number[];
}

/**
 * The numbers of a section's passages, from its passages in each version,
 * oldest first (null where a version did not have the section, or withheld it).
 */
export function numberPassages(versions: readonly (readonly string[] | null)[]): PassageNumbers {
  let previous: { text: string; n: number }[] | null = null;
  let highest = 0;
  const gone = new Set<number>();
  for (const passages of versions) {
    if (passages === null) {
      for (const passage of previous ?? []) gone.add(passage.n);
      previous = previous === null ? null : [];
      continue;
    }
    if (previous === null) {
      previous = passages.map((text, i) => ({ text, n: i + 1 }));
      highest = Math.max(highest, passages.length);
      continue;
    }
    const next: { text: string; n: number }[] = [];
    let at = 0;
    const changes = diffArrays(
      previous.map((p) => p.text),
      [...passages],
    );
    for (let c = 0; c < changes.length; c += 1) {
      const change = changes[c]!;
      const count = change.value.length;
      if (!change.added && !change.removed) {
        for (let k = 0; k < count; k += 1)
          next.push({ text: change.value[k]!, n: previous[at + k]!.n });
        at += count;
      } else if (change.removed) {
        // Reworded in place: the passages that replace it take its numbers, one for one.
        const replacement = changes[c + 1]?.added ? changes[c + 1]! : null;
        const added = replacement ? replacement.value : [];
        for (let k = 0; k < count; k += 1)
          if (k < added.length) next.push({ text: added[k]!, n: previous[at + k]!.n });
          else gone.add(previous[at + k]!.n);
        for (let k = count; k < added.length; k += 1)
          next.push({ text: added[k]!, n: (highest += 1) });
        at += count;
        if (replacement) c += 1;
      } else {
        for (const text of change.value) next.push({ text, n: (highest += 1) });
      }
    }
    previous = next;
  }
  const current = (previous ?? []).map((p) => p.n);
  for (const n of current) gone.delete(n);
  return { current, gone: [...gone].sort((a, b) => a - b) };
}

/**
 * A rendered body with its passages' positional anchors (`#<section>-p<k>`,
 * rehype-passage-ids) renumbered: each section's k-th passage gets the number
 * `numbers.get(section)[k - 1]`. Ids and links alike, in one pass.
 */
export function renumberPassages(
  html: string,
  numbers: ReadonlyMap<string, readonly number[]>,
): string {
  if (numbers.size === 0) return html;
  return html.replace(
    /(id="|href="#)([a-z0-9-]+)-p(\d+)"/g,
    (whole, before: string, section: string, k: string) => {
      const n = numbers.get(section)?.[Number(k) - 1];
      return n === undefined ? whole : `${before}${section}-p${n}"`;
    },
  );
}
