import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tidyPageLog } from './page-log.mjs';

/** Astro's page list as it prints it when pages are written side by side, coloured or not. */
function printList(paths: string[], colour: boolean): string {
  const dim = (text: string) => (colour ? `\x1b[2m${text}\x1b[22m` : text);
  const blue = (text: string) => (colour ? `\x1b[34m${text}\x1b[39m` : text);
  const entries = paths.map((path) => `${dim('05:25:13')}   ${blue('├─')} ${dim(path)}`).join('');
  const times = paths.map((_, i) => ` ${dim(`(+${200 + i}ms)`)} `).join('\n');
  return `${dim('05:25:12')} ${blue('[build]')} Rearranging server assets...\n${entries}\n${times}\n${dim('05:25:13')} ${colour ? '\x1b[32m' : ''}✓ Completed in 368ms.\n`;
}

/** What tidyPageLog passes on for `text`, fed in chunks of `size` characters. */
function tidy(text: string, size: number): string {
  let out = '';
  const log = tidyPageLog((_to, chunk) => (out += chunk.toString()));
  for (let at = 0; at < text.length; at += size) {
    log.onOutput(process.stdout, text.slice(at, at + size));
  }
  log.flush();
  return out;
}

describe("Astro's page list, tidied", () => {
  const paths = ['/index.html', '/en/index.html', '/synth-edu/2025/p001/index.html'];

  it.each([
    ['plain', false],
    ['coloured (FORCE_COLOR)', true],
  ])('%s: one page to a line, no time without its page, the rest as it came', (_, colour) => {
    for (const size of [7, 64, 10_000]) {
      const out = tidy(printList(paths, colour), size);
      const lines = stripVTControlCharacters(out).split('\n');
      expect(lines.filter((line) => line.includes('├─'))).toEqual(
        paths.map((path) => `05:25:13   ├─ ${path}`),
      );
      expect(lines.some((line) => /^\s*\(\+\d+m?s\)\s*$/u.test(line))).toBe(false);
      expect(lines[0]).toBe('05:25:12 [build] Rearranging server assets...');
      expect(lines).toContain('05:25:13 ✓ Completed in 368ms.');
      // Colours are kept, not stripped.
      expect(out.includes('\x1b[')).toBe(colour);
    }
  });
});

describe('the pages Astro restored from its cache', () => {
  it.each([
    ['plain', false],
    ['coloured (FORCE_COLOR)', true],
  ])('%s: are listed in the order Astro names them, however the log is cut', (_, colour) => {
    const paths = ['/a/index.html (restored)', '/b/index.html', '/en/a/index.html (restored)'];
    for (const size of [5, 64, 10_000]) {
      const log = tidyPageLog(() => {});
      const text = printList(paths, colour);
      for (let at = 0; at < text.length; at += size)
        log.onOutput(process.stdout, text.slice(at, at + size));
      log.flush();
      expect(log.restored).toEqual(['/a/index.html', '/en/a/index.html']);
    }
  });
});
