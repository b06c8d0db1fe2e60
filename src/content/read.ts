import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { fieldIssues } from '../schema/issues';
import { ProjectZhSchema, type ProjectZh } from '../schema/project';
import { PublicationSchema, type Publication } from '../schema/publication';
import { ProjectTranslationSchema, type ProjectTranslation } from '../schema/translation';
import type { Problem } from './problems';
import { CONTENT_PATTERNS, displayPathOf, entryIdOf, matcherOf, SOURCES_DIR } from './paths';
import { hashSources } from './sources';

/**
 * The one reader of the content folder. `npm run check`, the build, the dev
 * server and the tests all read content through it, so they see the same
 * entries and report every problem with its file and line.
 */

/** A content file as the model needs it. */
export interface Entry<T> {
  /** Path below the content folder without the extension (see entryIdOf). */
  id: string;
  /** `content/<path>`, for messages. */
  filePath: string;
  data: T;
}

export interface BodyEntry<T> extends Entry<T> {
  /** The Markdown after the frontmatter, line endings normalised. */
  body: string;
  /** Line of the file on which the body starts, so that body problems point at file lines. */
  bodyStartLine: number;
}

/** Everything in a content folder, each file parsed and validated on its own. */
export interface Content {
  publications: Entry<Publication>[];
  disclosures: BodyEntry<ProjectZh>[];
  translations: BodyEntry<ProjectTranslation>[];
  /** SHA-256 of each file under content/sources/, by file name (undefined if missing). */
  sourceHashes: Record<string, string | undefined>;
}

export interface ReadResult {
  content: Content;
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

/** Regular files below `dir` whose relative path matches; a symlink is reported, never followed. */
function listFiles(dir: string, pattern: RegExp, problems: Problem[]): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const rel = relative(dir, full).split('\\').join('/');
      if (entry.isSymbolicLink()) {
        problems.push({ file: displayPathOf(rel), message: 'is a symbolic link; content is read only from regular files inside the content folder' });
      } else if (entry.isDirectory()) {
        if (rel !== SOURCES_DIR) walk(full);
      } else if (entry.isFile() && pattern.test(rel)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** Reads every publication, disclosure and translation in a content folder. */
export function readContent(dir: string): ReadResult {
  const problems: Problem[] = [];
  const read = <S extends z.ZodType>(pattern: RegExp, schema: S, markdown: boolean) =>
    listFiles(dir, pattern, problems).flatMap((full) => {
      const rel = relative(dir, full).split('\\').join('/');
      const file = displayPathOf(rel);
      const parsed = parseFile(file, readFileSync(full), schema, markdown);
      if (Array.isArray(parsed)) {
        problems.push(...parsed);
        return [];
      }
      return [{ id: entryIdOf(rel), filePath: file, ...parsed }];
    });

  const content: Content = {
    publications: read(matcherOf(CONTENT_PATTERNS.publications), PublicationSchema, false),
    disclosures: read(matcherOf(CONTENT_PATTERNS.disclosures), ProjectZhSchema, true),
    translations: read(matcherOf(CONTENT_PATTERNS.translations), ProjectTranslationSchema, true),
    sourceHashes: hashSources(dir, problems),
  };
  return { content, problems };
}
