// @ts-check
import { stripVTControlCharacters } from 'node:util';

/** @typedef {(to: NodeJS.WriteStream, chunk: Buffer | string) => void} OnOutput */

// Astro colours its log when the terminal (or CI's FORCE_COLOR) asks for it, so a page's
// entry may be wrapped in escape sequences: "\e[2m05:25:13\e[22m   \e[34m├─\e[39m \e[2m/path".
const ESCAPES = String.raw`(?:\x1b\[[\d;]*m)*`;
const ENTRY = new RegExp(`${ESCAPES}\\d\\d:\\d\\d:\\d\\d${ESCAPES} +${ESCAPES}├─`, 'gu');
const LONE_TIME = /^\s*\(\+\d+m?s\)\s*$/u;
/** A page Astro copied from its cache instead of rendering it: "├─ /path/index.html (restored)". */
const RESTORED = /(\S+index\.html) \(restored\)/gu;

/**
 * One line of Astro's page list, split where a page's entry begins after another's text.
 * @param {string} line
 * @returns {string[]}
 */
function splitEntries(line) {
  const starts = [...line.matchAll(ENTRY)]
    .map((match) => match.index)
    .filter((index) => stripVTControlCharacters(line.slice(0, index)).trim() !== '');
  return [0, ...starts].map((start, i) => line.slice(start, starts[i]));
}

/**
 * Astro's list of the pages it writes, one per line. Writing pages side by side (`concurrency`),
 * Astro prints each page's "├─ /path" and, later, its " (+95ms)" apart, so that the paths run
 * together on one line and the times stand alone on thirty more. Each path gets its own line;
 * the times that lost their path are dropped. Everything else passes as it came, colours too.
 * @param {OnOutput} onOutput
 */
export function tidyPageLog(onOutput) {
  /** @type {Map<NodeJS.WriteStream, string>} */
  const pending = new Map();
  /** @type {string[]} */
  const restored = [];
  /** @param {NodeJS.WriteStream} to @param {string} text */
  const write = (to, text) => {
    const kept = text
      .split('\n')
      .filter((line) => !LONE_TIME.test(stripVTControlCharacters(line)))
      .flatMap(splitEntries);
    for (const line of kept)
      for (const [, path] of stripVTControlCharacters(line).matchAll(RESTORED))
        if (path) restored.push(path);
    if (kept.length > 0) onOutput(to, `${kept.join('\n')}\n`);
  };
  return {
    /** The pages Astro said it restored from its cache, as it went, in its order. */
    restored,
    /** @type {OnOutput} */
    onOutput: (to, chunk) => {
      const text = (pending.get(to) ?? '') + chunk.toString();
      const end = text.lastIndexOf('\n');
      pending.set(to, text.slice(end + 1));
      if (end >= 0) write(to, text.slice(0, end));
    },
    flush: () => {
      for (const [to, text] of pending) if (text) write(to, text);
      pending.clear();
    },
  };
}
