import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, isSeq, visit as visitYaml } from 'yaml';
import type { z } from 'astro/zod';
import { fieldIssues } from '../schema/issues';
import { GlossarySchema, type GlossaryTerm } from '../schema/glossary';
import { ProjectZhSchema, type ProjectZh } from '../schema/project';
import { PublicationSchema, type Publication } from '../schema/publication';
import { ProjectTranslationSchema, type ProjectTranslationFile } from '../schema/translation';
import { firstLineOf } from '../domain/errors';
import { LIMITS } from '../domain/limits';
import { findUnprintable, findUnprintableValues } from '../domain/printable';
import { lineOf, locateFields, parseWithLines } from '../domain/yaml-lines';
import type { Problem } from './problems';
import {
  CONTENT_PATTERNS,
  GLOSSARY_FILE,
  displayPathOf,
  entryIdOf,
  IMPORT_DIR,
  IMPORT_JOURNAL,
  matcherOf,
  SOURCES_DIR,
} from './paths';
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
  translations: BodyEntry<ProjectTranslationFile>[];
  /** The Chinese files of earlier versions of revised texts (`<department>/<year>/versions/<n>/zh/`). */
  snapshots: BodyEntry<ProjectZh>[];
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

/** Every line of a file as written that holds a character no printed text may (src/domain/printable.ts). */
function unprintableLines(file: string, text: string): Problem[] {
  return text.split('\n').flatMap((line, i) => {
    const message = findUnprintable(line);
    return message ? [{ file, line: i + 1, message }] : [];
  });
}

/** Text of a content file: UTF-8 required; a BOM and CRLF line endings are accepted and normalised. */
function decodeContent(bytes: Uint8Array): string | { error: string; line: number } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    // Point at the line of the first byte that is not UTF-8.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    return {
      error: 'is not UTF-8 text; save it as UTF-8',
      line: lenient.slice(0, Math.max(bad, 0)).split(/\r\n?|\n/).length,
    };
  }
}

interface Parsed<T> {
  data: T;
  body: string;
  bodyStartLine: number;
  /** The line of a field, for problems the model finds later (e.g. a duplicate slug). */
  lineOfField: (path: string) => number | undefined;
}

/** Parses YAML (a whole file, or a Markdown file's frontmatter) and validates it. */
export function parseFile<S extends z.ZodType>(
  file: string,
  bytes: Uint8Array,
  schema: S,
  markdown: boolean,
): Parsed<z.output<S>> | Problem[] {
  if (bytes.byteLength > LIMITS.maxFileBytes) {
    return [
      {
        file,
        line: 1,
        message: `is ${bytes.byteLength} bytes, more than the ${LIMITS.maxFileBytes} a content file may have; a disclosure is a few kilobytes`,
      },
    ];
  }
  const text = decodeContent(bytes);
  if (typeof text !== 'string') return [{ file, line: text.line, message: `file ${text.error}` }];
  if (text.trim() === '') return [{ file, line: 1, message: 'file is empty' }];
  const unprintable = unprintableLines(file, text);
  if (unprintable.length > 0) return unprintable;
  let yamlText = text;
  let body = '';
  let lineOffset = 0;
  // The frontmatter as the build reads it (Astro's own parser, js-yaml), so check and build cannot
  // disagree; read once, here.
  let frontmatter: { value: unknown } | { error: unknown } | undefined;
  if (markdown) {
    const match = FRONTMATTER.exec(text);
    if (!match)
      return [{ file, line: 1, message: 'must start with frontmatter between two lines of ---' }];
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
    if (
      value !== null &&
      typeof value === 'object' &&
      Object.keys(value).length > 0 &&
      !/[&*!]/.test(yamlText)
    ) {
      let located: ((path: string) => number | undefined) | undefined;
      const lineOfField = (path: string) => (located ??= locateFields(yamlText, lineOffset))(path);
      return validate(file, schema, value, text, body, lineOfField);
    }
  }
  const { doc, counter } = parseWithLines(yamlText);
  const at = (pos: number) => counter.linePos(pos).line + lineOffset;
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => ({
      file,
      line: at(error.pos[0]),
      message: `YAML syntax error: ${firstLineOf(error)}`,
    }));
  }
  // Anchors and aliases let a few lines expand into gigabytes; no disclosure needs them.
  const aliases: Problem[] = [];
  visitYaml(doc, {
    Alias: (_, node) =>
      void aliases.push({
        file,
        line: at(node.range?.[0] ?? 0),
        message: `YAML alias *${node.source} is not allowed; write the value out`,
      }),
    Node: (_, node) => {
      if (node.anchor)
        aliases.push({
          file,
          line: at(node.range?.[0] ?? 0),
          message: `YAML anchor &${node.anchor} is not allowed; write the value out`,
        });
    },
  });
  if (aliases.length > 0) return aliases;
  // A tag such as !!js/function is not data: the build's YAML parser rejects it, so the check does too.
  if (doc.warnings.length > 0) {
    return doc.warnings.map((warning) => ({
      file,
      line: at(warning.pos[0]),
      message: `YAML: ${firstLineOf(warning)}`,
    }));
  }
  if (frontmatter && 'error' in frontmatter) {
    const { error } = frontmatter;
    const mark = (error as { mark?: { line?: number } }).mark;
    return [
      {
        file,
        line: (mark?.line ?? 0) + 1 + lineOffset,
        message: `YAML: ${firstLineOf(error)}`,
      },
    ];
  }
  const value: unknown = frontmatter ? frontmatter.value : doc.toJS();
  if (
    !isMap(doc.contents) &&
    !isSeq(doc.contents) &&
    (value === null || (typeof value === 'object' && Object.keys(value).length === 0))
  ) {
    return [{ file, line: 1, message: 'has no fields' }];
  }
  return validate(file, schema, value, text, body, (path: string) =>
    lineOf(doc, counter, path, lineOffset),
  );
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
  // What YAML decodes (a "\u0007" escape, a value too long to print) is checked as the site would print it.
  const unprintable = findUnprintableValues(value, LIMITS.maxTextLength);
  if (unprintable.length > 0) {
    return unprintable.map((p) => ({
      file,
      line: lineOfField(p.path) ?? 1,
      path: p.path,
      message: p.message,
    }));
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    return fieldIssues(result.error.issues, value).map((issue) => ({
      file,
      line: lineOfField(issue.path) ?? 1,
      path: issue.path,
      message: issue.message,
    }));
  }
  return {
    data: result.data,
    body,
    bodyStartLine: text.slice(0, text.length - body.length).split('\n').length,
    lineOfField,
  };
}

/** Regular files below `dir` whose relative path matches; a symlink is reported, never followed. */
function listFiles(dir: string, pattern: RegExp, problems: Problem[]): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      // Hidden files and folders are not content (an import stages its files in .import/).
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      const rel = relative(dir, full).split('\\').join('/');
      if (entry.isSymbolicLink()) {
        problems.push({
          file: displayPathOf(rel),
          message:
            'is a symbolic link; content is read only from regular files inside the content folder',
        });
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

/** A problem for each import that was stopped while it wrote into the folder: the content may be half written. */
function interruptedImports(dir: string): Problem[] {
  const staging = join(dir, IMPORT_DIR);
  if (!existsSync(staging)) return [];
  return readdirSync(staging)
    .filter((id) => existsSync(join(staging, id, IMPORT_JOURNAL)))
    .map((id) => ({
      file: displayPathOf(`${IMPORT_DIR}/${id}/`),
      message:
        'an import was stopped while it wrote into the content folder; run `npm run import -- --recover` to finish it',
    }));
}

/** Reads every publication, disclosure and translation in a content folder. */
export function readContent(dir: string): ReadResult {
  const problems: Problem[] = interruptedImports(dir);
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
    snapshots: read(matcherOf(CONTENT_PATTERNS.snapshots), ProjectZhSchema, true),
    sourceHashes: hashSources(dir, problems),
    glossary: readGlossary(dir, problems),
  };
  return { content, problems };
}
