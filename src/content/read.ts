import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { fieldIssues } from '../schema/issues';
import { GlossarySchema, type GlossaryTerm } from '../schema/glossary';
import { ProjectZhSchema, type ProjectZh } from '../schema/project';
import { PublicationSchema, type Publication } from '../schema/publication';
import { ProjectTranslationSchema, type ProjectTranslation } from '../schema/translation';
import { LIMITS } from '../config';
import type { Locale } from '../domain/locales';
import type { Problem } from './problems';
import { CONTENT_PATTERNS, GLOSSARY_FILE, displayPathOf, entryIdOf, localeOfContentPath, matcherOf, SOURCES_DIR } from './paths';
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
  /** The line of a frontmatter field (`funding.published`), so that every problem can name one. */
  lineOfField?: ((path: string) => number | undefined) | undefined;
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
  /** content/glossary.yaml, or an empty glossary. */
  glossary: GlossaryTerm[];
}

export interface ReadResult {
  content: Content;
  problems: Problem[];
}

const FRONTMATTER = /^---\n([\s\S]*?)\n?---(?:\n|$)/;

/**
 * Characters no text field may hold: control characters (they make the feeds
 * invalid XML), bidirectional overrides (they make text read other than it is
 * written) and zero-width characters (invisible differences between two
 * names). Chinese and English need none of them; a language that needs a
 * joiner would list it in ALLOWED_INVISIBLE.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const ALLOWED_INVISIBLE: Record<Locale, readonly string[]> = { zh: [], en: [] };

function describeCharacter(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\u202a-\u202e\u2066-\u2069]/u.test(char)) return `a bidirectional override (${code})`;
  if (/[\u200b-\u200f\u2060-\u2064\ufeff]/u.test(char)) return `an invisible zero-width character (${code})`;
  return `a control character (${code})`;
}

/** Every forbidden character of a text, one problem per line, with the line. */
function forbiddenCharacters(file: string, text: string, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const found = [...line.matchAll(FORBIDDEN)].map((m) => m[0]).filter((c) => !ALLOWED_INVISIBLE[locale].includes(c));
    if (found.length > 0) {
      problems.push({ file, line: i + 1, message: `contains ${describeCharacter(found[0]!)}${found.length > 1 ? ` and ${found.length - 1} more` : ''}; delete it (it is invisible or breaks the feeds)` });
    }
  });
  return problems;
}

/** Text of a content file: UTF-8 required; a BOM and CRLF line endings are accepted and normalised. */
export function decodeContent(bytes: Uint8Array): string | { error: string; line: number } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    // Point at the line of the first byte that is not UTF-8.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    return { error: 'is not UTF-8 text; save it as UTF-8', line: lenient.slice(0, Math.max(bad, 0)).split(/\r\n?|\n/).length };
  }
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

/** `funding.amountYuan` or `basis[0].title` → the path as keys. */
function pathOf(text: string): PropertyKey[] {
  return text === '(file)' ? [] : text.split(/\.|\[(\d+)\]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

interface Parsed<T> {
  data: T;
  body: string;
  bodyStartLine: number;
  /** The line of a field, for problems the model finds later (e.g. a duplicate slug). */
  lineOfField: (path: string) => number | undefined;
}

/** Parses YAML (a whole file, or a Markdown file's frontmatter) and validates it. */
export function parseFile<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S, markdown: boolean): Parsed<z.output<S>> | Problem[] {
  if (bytes.byteLength > LIMITS.maxFileBytes) {
    return [{ file, line: 1, message: `is ${bytes.byteLength} bytes, more than the ${LIMITS.maxFileBytes} a content file may have; a disclosure is a few kilobytes` }];
  }
  const text = decodeContent(bytes);
  if (typeof text !== 'string') return [{ file, line: text.line, message: `file ${text.error}` }];
  if (text.trim() === '') return [{ file, line: 1, message: 'file is empty' }];
  const forbidden = forbiddenCharacters(file, text, localeOfContentPath(file));
  if (forbidden.length > 0) return forbidden;
  let yamlText = text;
  let body = '';
  let lineOffset = 0;
  // The frontmatter as the build reads it (Astro's own parser, js-yaml), so check and build cannot
  // disagree; read once, here.
  let frontmatter: { value: unknown } | { error: unknown } | undefined;
  if (markdown) {
    const match = FRONTMATTER.exec(text);
    if (!match) return [{ file, line: 1, message: 'must start with frontmatter between two lines of ---' }];
    yamlText = match[1]!;
    body = text.slice(match[0].length);
    lineOffset = 1;
    try {
      frontmatter = { value: parseFrontmatter(text).frontmatter };
    } catch (error) {
      frontmatter = { error };
    }
    // Most files hold no `&`, `*` or `!`, without which YAML can write no anchor, alias or tag: for
    // those, the slower parser that gives lines (`yaml`) runs only when a problem needs a line. At
    // 10,000 disclosures it took a fifth of reading the content, and each file kept its document in
    // memory until the end of the build.
    const value = 'value' in frontmatter ? frontmatter.value : null;
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0 && !/[&*!]/.test(yamlText)) {
      let located: ((path: string) => number | undefined) | undefined;
      const lineOfField = (path: string) => (located ??= locateFields(yamlText, lineOffset))(path);
      return validate(file, schema, value, text, body, lineOfField);
    }
  }
  const { doc, counter } = parseWithLines(yamlText);
  const at = (pos: number) => counter.linePos(pos).line + lineOffset;
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({ file, line: at(error.pos[0]), message: `YAML syntax error: ${error.message.split('\n')[0]}` }));
  }
  // Anchors and aliases let a few lines expand into gigabytes; no disclosure needs them.
  const aliases: Problem[] = [];
  visitYaml(doc, {
    Alias: (_, node) => void aliases.push({ file, line: at(node.range?.[0] ?? 0), message: `YAML alias *${node.source} is not allowed; write the value out` }),
    Node: (_, node) => {
      if (node.anchor) aliases.push({ file, line: at(node.range?.[0] ?? 0), message: `YAML anchor &${node.anchor} is not allowed; write the value out` });
    },
  });
  if (aliases.length > 0) return aliases;
  // A tag such as !!js/function is not data: the build's YAML parser rejects it, so the check does too.
  if (doc.warnings.length > 0) {
    return doc.warnings.map((warning) => ({ file, line: at(warning.pos[0]), message: `YAML: ${warning.message.split('\n')[0]}` }));
  }
  if (frontmatter && 'error' in frontmatter) {
    const { error } = frontmatter;
    const mark = (error as { mark?: { line?: number } }).mark;
    return [{ file, line: (mark?.line ?? 0) + 1 + lineOffset, message: `YAML: ${(error as Error).message.split('\n')[0]}` }];
  }
  const value = frontmatter ? frontmatter.value : doc.toJS();
  if (!isMap(doc.contents) && !isSeq(doc.contents) && (value === null || (typeof value === 'object' && Object.keys(value).length === 0))) {
    return [{ file, line: 1, message: 'has no fields' }];
  }
  return validate(file, schema, value, text, body, (path: string) => lineOf(doc, counter, pathOf(path), lineOffset));
}

/** A YAML text parsed by the parser that keeps positions, with its line counter. */
function parseWithLines(yamlText: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  return { doc: parseDocument(yamlText, { lineCounter: counter, prettyErrors: false }), counter };
}

/** The line of each field of a YAML text, for problems found after it was read. */
function locateFields(yamlText: string, lineOffset: number): (path: string) => number | undefined {
  const { doc, counter } = parseWithLines(yamlText);
  return (path: string) => lineOf(doc, counter, pathOf(path), lineOffset);
}

/** Validates what was read against its schema; a problem names the line of its field. */
function validate<S extends z.ZodType>(
  file: string,
  schema: S,
  value: unknown,
  text: string,
  body: string,
  lineOfField: (path: string) => number | undefined,
): Parsed<z.output<S>> | Problem[] {
  const result = schema.safeParse(value);
  if (!result.success) {
    return fieldIssues(result.error.issues, value).map((issue) => ({ file, line: lineOfField(issue.path) ?? 1, path: issue.path, message: issue.message }));
  }
  return { data: result.data, body, bodyStartLine: text.slice(0, text.length - body.length).split('\n').length, lineOfField };
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

/** content/glossary.yaml, read and checked like any content file; none is an empty glossary. */
function readGlossary(dir: string, problems: Problem[]): GlossaryTerm[] {
  const full = join(dir, GLOSSARY_FILE);
  if (!existsSync(full)) return [];
  const parsed = parseFile(displayPathOf(GLOSSARY_FILE), readFileSync(full), GlossarySchema, false);
  if (Array.isArray(parsed)) {
    problems.push(...parsed);
    return [];
  }
  return parsed.data.terms;
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
    glossary: readGlossary(dir, problems),
  };
  return { content, problems };
}
