import { describe, expect, it } from 'vitest';
import { formatJson, splitFormattedJson } from './links';

/** The pieces joined, as the data step writes disclosures.json. */
function joinPieces(value: Record<string, unknown>, key: string): string {
  const { head, piece, tail } = splitFormattedJson(value, key);
  const elements = value[key] as unknown[];
  return head + elements.map((e, i) => piece(formatJson(e), i)).join('') + tail;
}

/** A seeded generator of JSON values: objects, arrays, strings with what JSON escapes, numbers. */
function makeValue(seed: number): () => unknown {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const strings = ['', '项目名称', 'a\nb', 'say "x"', '\\', '\u2028', 'tab\there', '{ "k": [] }'];
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.3) return strings[Math.floor(next() * strings.length)];
    if (r < 0.45) return Math.round(next() * 1e9) / 100;
    if (r < 0.5) return next() < 0.5 ? null : true;
    if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, value(depth + 1)]),
    );
  };
  return () => value(0);
}

describe('splitFormattedJson', () => {
  it('gives formatJson of the whole, byte for byte, joined from each element’s own text', () => {
    const record = { name: '项目\n名称', amountYuan: 6927100, parts: [{ a: [] }, {}, [1, [2]]] };
    const file = { $schema: 'https://example.org/x.json', empty: {}, projects: [record, {}, 'x'] };
    expect(joinPieces(file, 'projects')).toBe(formatJson(file));
  });

  it('gives formatJson for an empty array and for one element', () => {
    expect(joinPieces({ a: 1, projects: [] }, 'projects')).toBe(formatJson({ a: 1, projects: [] }));
    const one = { projects: [{ b: [] as unknown[] }] };
    expect(joinPieces(one, 'projects')).toBe(formatJson(one));
  });

  it('gives formatJson for generated values', () => {
    const make = makeValue(20261208);
    for (let i = 0; i < 200; i++) {
      const file = {
        head: make(),
        projects: Array.from({ length: i % 5 }, make),
      };
      expect(joinPieces(file, 'projects')).toBe(formatJson(file));
    }
  });

  it('refuses a key that is not the last, or not an array', () => {
    expect(() => splitFormattedJson({ projects: [], after: 1 }, 'projects')).toThrow(/last key/);
    expect(() => splitFormattedJson({ projects: {} }, 'projects')).toThrow(/not an array/);
  });
});
