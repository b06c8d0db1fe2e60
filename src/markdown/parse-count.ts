/**
 * Counts Markdown bodies run through the body rules in this process: once per
 * body rendered (src/markdown/render.ts), none for one kept from the last
 * build. `npm run bench` prints the count beside N, so that a build that parses
 * each body more often than before shows.
 * globalThis, because the check and the pages are separate module graphs;
 * worker threads count their own, and the main thread adds them.
 */
const COUNT = Symbol.for('disclosures.parse-count');
const held = globalThis as { [COUNT]?: number };

export function readParseCount(): number {
  return held[COUNT] ?? 0;
}

/** Adds the parses a render worker thread ran, whose count is its own (src/markdown/render-worker.ts). */
export function addParseCount(parses: number): void {
  held[COUNT] = (held[COUNT] ?? 0) + parses;
}

/** The first of the body rules: counts, changes nothing. */
export default function remarkCountParses() {
  return () => {
    held[COUNT] = (held[COUNT] ?? 0) + 1;
  };
}
