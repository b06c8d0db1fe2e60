import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { fieldIssues } from '../schema/issues';
import { projectZh } from '../schema/project';
import { publication } from '../schema/publication';
import { projectTranslation } from '../schema/translation';
import type { Problem } from './problems';
import { hashSources } from './sources';
import { contentDir } from '../lib/content-dir';
import type { BodyEntry, Entry, ModelInput } from './types';

/**
 * Reads and validates the content folder without Astro, the way the content
 * collections do, so that `npm run check` and the tests see the same content
 * the build sees — and can report every problem with its line.
 */
export interface ReadResult {
  input: ModelInput;
  problems: Problem[];
}

const FRONTMATTER = /^---\n([\s\S]*?)\n?---(?:\n|$)/;

/** Text of a content file: UTF-8 required; a BOM and CRLF line endings are accepted and normalised. */
export function decodeContent(bytes: Uint8Array): string | { error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'is not UTF-8 text; save it as UTF-8' };
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[], lineOffset: number): number | undefined {
  for (let n = path.length; n >= 0; n -= 1) {
    // Point at the key of a field where there is one (an unknown or mistyped key included), else at the value.
    const parent = n === 0 ? undefined : n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as (string | number)[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[n - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line + lineOffset;
    }
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return counter.linePos(node.range[0] as number).line + lineOffset;
    }
  }
  return undefined;
}

function pathOf(text: string): PropertyKey[] {
  return text === '(file)' ? [] : text.split(/\.|\[(\d+)\]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

interface Parsed<T> {
  data: T;
  body: string;
  bodyStartLine: number;
}

/** Parses YAML (a whole file, or a Markdown file's frontmatter) and validates it. */
export function parseFile<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S, markdown: boolean): Parsed<z.output<S>> | Problem[] {
  const text = decodeContent(bytes);
  if (typeof text !== 'string') return [{ file, message: `file ${text.error}` }];
  if (text.trim() === '') return [{ file, message: 'file is empty' }];
  let yamlText = text;
  let body = '';
  let lineOffset = 0;
  if (markdown) {
    const match = FRONTMATTER.exec(text);
    if (!match) return [{ file, line: 1, message: 'must start with frontmatter between two lines of ---' }];
    yamlText = match[1]!;
    body = text.slice(match[0].length);
    lineOffset = 1;
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file,
      line: counter.linePos(error.pos[0]).line + lineOffset,
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
    }));
  }
  const value: unknown = doc.toJS();
  if (!isMap(doc.contents) && !isSeq(doc.contents) && value === null) return [{ file, message: 'has no fields' }];
  const result = schema.safeParse(value);
  if (!result.success) {
    return fieldIssues(result.error.issues, value).map((issue) => ({
      file,
      line: lineOf(doc, counter, pathOf(issue.path), lineOffset),
      path: issue.path,
      message: issue.message,
    }));
  }
  return { data: result.data, body, bodyStartLine: text.slice(0, text.length - body.length).split('\n').length };
}

function listFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(full)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** Reads every publication, disclosure and translation under `root/content`. */
export function readContent(root = process.cwd()): ReadResult {
  const dir = contentDir(root);
  const problems: Problem[] = [];
  const read = <S extends z.ZodType, E extends Entry<z.output<S>>>(pattern: RegExp, schema: S, markdown: boolean): E[] =>
    listFiles(dir, pattern).flatMap((full) => {
      const rel = relative(dir, full).split('\\').join('/');
      const file = `content/${rel}`;
      const parsed = parseFile(file, readFileSync(full), schema, markdown);
      if (Array.isArray(parsed)) {
        problems.push(...parsed);
        return [];
      }
      return [{ id: rel.replace(/\.(md|ya?ml)$/, ''), filePath: file, ...parsed } as unknown as E];
    });

  const input: ModelInput = {
    publications: read<typeof publication, Entry<z.output<typeof publication>>>(/[\\/]publication\.yaml$/, publication, false),
    disclosures: read<typeof projectZh, BodyEntry<z.output<typeof projectZh>>>(/[\\/]zh[\\/][^\\/]+\.md$/, projectZh, true),
    translations: read<typeof projectTranslation, BodyEntry<z.output<typeof projectTranslation>>>(/[\\/]en[\\/][^\\/]+\.md$/, projectTranslation, true),
    sourceHashes: hashSources(root),
  };
  return { input, problems };
}
