import remarkGfm from 'remark-gfm';
import { readSharedModel, writeSharedModel } from './shared-model';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { readSettings } from '../config';
import { counterpartOf } from '../content/paths';
import { ContentError, type Problem } from '../content/problems';
import { readContent, type BodyEntry, type Content, type Entry } from '../content/read';
import { buildModel } from '../model/build';
import type { Model, Outline, OutlinedEntry } from '../model/types';
import { bodyRules, GFM } from './pipeline';

/**
 * The content check, and the one way the site gets its model: read every file
 * (src/content/), run the body rules over each body without rendering
 * (src/markdown/pipeline.ts), then check the whole (src/model/). `npm run
 * check`, the build, the dev server and the tests all come through here.
 */
export interface CheckResult {
  problems: Problem[];
  model: Model | null;
  /** Originals whose translation is pending (information, not a problem). */
  pending: string[];
}

const processor = (() => {
  const p = unified().use(remarkParse);
  if (GFM) p.use(remarkGfm);
  // The base only shapes the marker's link; the rules are the same under any base.
  return p.use(bodyRules('/'));
})();

/** Runs the body rules over one body: its outline, or the problems that stop it, each with its file line. */
export function readBody(entry: BodyEntry<unknown>): {
  outline: Outline | null;
  problems: Problem[];
} {
  const file = new VFile({ path: entry.filePath, value: entry.body });
  const lineOf = (line: number | undefined) =>
    line === undefined ? entry.bodyStartLine : line + entry.bodyStartLine - 1;
  try {
    processor.runSync(processor.parse(file), file);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      outline: null,
      problems: [
        {
          file: entry.filePath,
          line: entry.bodyStartLine,
          message: 'the Markdown is nested too deeply to read; flatten the nested quotes or lists',
        },
      ],
    };
  }
  const problems = file.messages.map((m) => ({
    file: entry.filePath,
    line: lineOf(m.line ?? undefined),
    message: m.reason,
  }));
  return { outline: problems.length ? null : (file.data.outline ?? null), problems };
}

/**
 * Validates every content file in `contentDir`: each file against its schema
 * and the body rules, then the whole against the model's checks. Returns every
 * problem at once. Never throws for bad content.
 */
export function checkContent(contentDir: string = readSettings().contentDir): CheckResult {
  const { content, problems } = readContent(contentDir);
  const pending = content.disclosures
    .filter((d) => d.data.translation === 'pending')
    .map((d) => d.filePath);
  const outlined = <T>(entries: BodyEntry<T>[]): OutlinedEntry<T>[] =>
    entries.flatMap((entry) => {
      const { outline, problems: found } = readBody(entry);
      problems.push(...found);
      return outline ? [{ ...entry, outline }] : [];
    });
  const input = {
    ...content,
    disclosures: outlined(content.disclosures),
    translations: outlined(content.translations),
  };
  const broken = new Set(problems.map((p) => p.file));
  const locate = locatorOf(content);
  try {
    const model = buildModel(input);
    return { problems, model: problems.length ? null : model, pending };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    // A file that failed on its own is missing from the input; what the model then says
    // about its counterpart ("no translation") would only repeat the first problem.
    const mentionsBroken = (p: Problem) =>
      [...broken].some(
        (file) =>
          p.message.includes(file) ||
          p.message.includes(counterpartOf(file, file.includes('/zh/') ? 'en' : 'zh')) ||
          (file.endsWith('/publication.yaml') &&
            p.message.includes(file.replace(/publication\.yaml$/, ''))),
      );
    return {
      problems: [
        ...problems,
        ...error.problems.filter((p) => !broken.has(p.file) && !mentionsBroken(p)).map(locate),
      ],
      model: null,
      pending,
    };
  }
}

/** Frontmatter sections as the model names them (`#basis`) and as the file does (`basis`). */
const FRONTMATTER_FIELDS: Record<string, string> = {
  '#name': 'name',
  '#basis': 'basis',
  '#implementing-unit': 'implementingUnit',
};

/**
 * Gives a problem the model found without a line the nearest one: the line of
 * its field (a duplicate slug, a SHA-256 that does not match), else the first.
 */
function locatorOf(content: Content): (problem: Problem) => Problem {
  const entries = new Map<string, Entry<unknown>>();
  for (const entry of [...content.publications, ...content.disclosures, ...content.translations]) {
    entries.set(entry.filePath, entry);
  }
  return (problem) => {
    if (problem.line !== undefined) return problem;
    const field =
      problem.path === undefined ? undefined : (FRONTMATTER_FIELDS[problem.path] ?? problem.path);
    const line = field === undefined ? undefined : entries.get(problem.file)?.lineOfField?.(field);
    return { ...problem, line: line ?? 1 };
  };
}

/** The checked model of the configured content folder; throws a ContentError listing every problem. */
export function loadModel(contentDir: string = readSettings().contentDir): Model {
  const held = readSharedModel(contentDir);
  if (held) return held;
  const { problems, model } = checkContent(contentDir);
  if (!model) throw new ContentError(problems);
  writeSharedModel(contentDir, model);
  return model;
}
