import { readSharedModel, writeSharedModel } from './shared-model';
import { readSettings } from '../config';
import { LIMITS } from '../domain/limits';
import { FRONTMATTER_PARTS } from '../domain/sections';
import { pageUrl, paths } from '../domain/urls';
import { counterpartOf, publicationIdOf, publicationIdOfFile } from '../content/paths';
import { ContentError, type Problem } from '../content/problems';
import { readContent, type BodyEntry, type Content, type Entry } from '../content/read';
import { buildModel } from '../model/build';
import type { Model, Outline, OutlinedEntry } from '../model/types';
import type { ProjectZh } from '../schema/project';
import { completeTranslations } from '../translate/english';
import { renderBodies, type RenderCache, type RenderOutcome } from '../markdown/render';

/**
 * The content check, and the one way the site gets its model: read every file
 * (src/content/), render each body once, running the body rules on the way
 * (src/markdown/render.ts), then check the whole (src/model/), which keeps the
 * bodies' HTML for the pages. `npm run
 * check`, the build, the dev server and the tests all come through here.
 */
export interface CheckResult {
  problems: Problem[];
  model: Model | null;
  /** Originals whose translation is pending (information, not a problem). */
  pending: string[];
  /** Translations of an earlier version of a revised text, with that version (information, not a problem). */
  outdated: { file: string; version: number }[];
  /**
   * Publications whose English block lacks what their English page needs (title, department,
   * and the region, preface and issuer where the text has them): information, not a problem,
   * as a pending translation is; the English page shows the Chinese, marked, meanwhile.
   */
  untranslated: { file: string; missing: string[] }[];
}

/** One body's outline and HTML from its rendering, or the problems that stop it, each with its file line. */
function readOutcome(
  entry: BodyEntry<unknown>,
  outcome: RenderOutcome,
): { outline: Outline | null; html: string; problems: Problem[] } {
  if (outcome === 'tooDeep') {
    return {
      outline: null,
      html: '',
      problems: [
        {
          file: entry.filePath,
          line: entry.bodyStartLine,
          message: 'the Markdown is nested too deeply to read; flatten the nested quotes or lists',
        },
      ],
    };
  }
  const lineOf = (line: number | undefined) =>
    line === undefined ? entry.bodyStartLine : line + entry.bodyStartLine - 1;
  const problems = outcome.messages.map((m) => ({
    file: entry.filePath,
    line: lineOf(m.line),
    message: m.reason,
  }));
  return { outline: problems.length ? null : outcome.outline, html: outcome.html, problems };
}

/** Renders one body, running the body rules on the way: its outline and HTML, or the problems that stop it, each with its file line. */
export async function readBody(
  entry: BodyEntry<unknown>,
  counterpart: string | null = null,
): Promise<{ outline: Outline | null; html: string; problems: Problem[] }> {
  const input = { filePath: entry.filePath, body: entry.body, counterpart };
  const [outcome] = await renderBodies([input], readSettings().basePath);
  return readOutcome(entry, outcome!);
}

export interface CheckOptions {
  /** Renderings kept from earlier builds; without one, every body is rendered. */
  cache?: RenderCache;
}

/**
 * Each body's page in the other language, by file, from the frontmatter alone:
 * the section links in a body point there, and the body is rendered before
 * the model exists. Null while the translation is pending, or where the model
 * will refuse the file anyway.
 */
function findCounterparts(content: Content): Map<string, string | null> {
  const base = readSettings().basePath;
  const publications = new Map(
    content.publications.map((p) => [publicationIdOfFile(p.id), p.data]),
  );
  const originals = new Map(content.disclosures.map((d) => [d.id, d]));
  const pageOf = (original: BodyEntry<ProjectZh>, locale: 'zh' | 'en') => {
    const publication = publications.get(publicationIdOf(original.id));
    return publication
      ? pageUrl(base, locale, paths.project(publication, original.data.slug))
      : null;
  };
  const counterparts = new Map<string, string | null>();
  for (const original of content.disclosures) {
    counterparts.set(
      original.filePath,
      // Every project has an English page: its translator's, or the site's own English.
      pageOf(original, 'en'),
    );
  }
  for (const translation of content.translations) {
    const original = originals.get(counterpartOf(translation.id, 'zh'));
    counterparts.set(translation.filePath, original ? pageOf(original, 'zh') : null);
  }
  return counterparts;
}

/**
 * Validates every content file in `contentDir`: each file against its schema
 * and the body rules, then the whole against the model's checks. Returns every
 * problem at once. Never throws for bad content.
 */
export async function checkContent(
  contentDir: string = readSettings().contentDir,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const { content, problems } = readContent(contentDir);
  const counterparts = findCounterparts(content);
  const pending = content.disclosures
    .filter((d) => d.data.translation === 'pending')
    .map((d) => d.filePath);
  const outdated = content.translations.flatMap((t) =>
    t.data.translationOf === undefined ? [] : [{ file: t.filePath, version: t.data.translationOf }],
  );
  const untranslated = content.publications.flatMap(({ filePath: file, data }) => {
    const missing = [
      ...(data.en === undefined ? ['department', 'title'] : []),
      ...(data.region !== undefined && data.en?.region === undefined ? ['region'] : []),
      ...(data.preface !== undefined && data.en?.preface === undefined ? ['preface'] : []),
      ...(data.signature?.issuer !== undefined && data.en?.signatureIssuer === undefined
        ? ['signatureIssuer']
        : []),
    ];
    return missing.length > 0 ? [{ file, missing }] : [];
  });
  // Every body rendered at once (on worker threads when there are many), then read in file order,
  // so that the problems stay in file order.
  const settings = readSettings();
  // Every project's English, completed by the rules and the translation memory before rendering
  // (src/translate/english.ts): what no translator wrote is rendered and checked like a translation.
  const english = completeTranslations(content, settings.basePath, options.cache);
  const entries: BodyEntry<unknown>[] = [...content.disclosures, ...english, ...content.snapshots];
  const outcomes = await renderBodies(
    entries.map((entry) => ({
      filePath: entry.filePath,
      body: entry.body,
      counterpart: counterparts.get(entry.filePath) ?? null,
    })),
    settings.basePath,
    {
      ...(options.cache ? { cache: options.cache } : {}),
      workers: settings.renderWorkers,
      workersFrom: LIMITS.renderWorkersFrom,
    },
  );
  let next = 0;
  const outlined = <T, E extends BodyEntry<T>>(entries: E[]): (E & OutlinedEntry<T>)[] =>
    entries.flatMap((entry) => {
      const { outline, html, problems: found } = readOutcome(entry, outcomes[next++]!);
      problems.push(...found);
      return outline ? [{ ...entry, outline, html }] : [];
    });
  const input = {
    ...content,
    disclosures: outlined(content.disclosures),
    translations: outlined(english),
    snapshots: outlined(content.snapshots),
  };
  const broken = new Set(problems.map((p) => p.file));
  const locate = locatorOf(content);
  try {
    const model = buildModel(input);
    return { problems, model: problems.length ? null : model, pending, outdated, untranslated };
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
      outdated,
      untranslated,
    };
  }
}

/** Frontmatter sections as the model names them (`#basis`) and as the file does (`basis`). */
const FRONTMATTER_FIELDS: Record<string, string> = Object.fromEntries(
  FRONTMATTER_PARTS.map((part) => [`#${part.id}`, part.field]),
);

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
export async function loadModel(
  contentDir: string = readSettings().contentDir,
  options: CheckOptions = {},
): Promise<Model> {
  const held = readSharedModel(contentDir);
  if (held) return held;
  const { problems, model } = await checkContent(contentDir, options);
  if (!model) throw new ContentError(problems);
  writeSharedModel(contentDir, model);
  return model;
}
