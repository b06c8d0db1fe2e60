import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Outline } from '../model/types';
import { LIMITS } from '../domain/limits';
import { hashCode, writeKept } from '../files/kept';
import { addParseCount } from './parse-count';
import { bodyRules, GFM, rehypePlugins } from './pipeline';

/**
 * Each body is parsed once per build, here: the body rules and the rendering
 * run in one pass of Astro's unified processor, and the check takes the
 * outline and the problems from the same pass that makes the page's HTML.
 * Astro's content collections used to render every body a second time, and
 * handed the pages all of them as one generated module, which at 10,000
 * disclosures took minutes to compile (docs/performance.md).
 */

/** One body's rendering: its HTML, and what the body rules read or found in it. */
export interface RenderedBody {
  html: string;
  outline: Outline | null;
  messages: { reason: string; line: number | undefined }[];
}

/** What a body's rendering depends on besides its text. */
export interface RenderInput {
  filePath: string;
  body: string;
  /** The same project's page in the other language, for the per-section language links; null while pending. */
  counterpart: string | null;
}

/** Where remarkReport leaves its report in the frontmatter, the one channel Astro's renderer returns. */
const REPORT = 'disclosuresReport';

/** Last of the remark plugins: hands the outline and the problems back through the render result's frontmatter. */
function remarkReport() {
  return (_: Root, file: VFile) => {
    const report: Omit<RenderedBody, 'html'> = {
      outline: file.data.outline ?? null,
      messages: file.messages.map((m) => ({ reason: m.reason, line: m.line ?? undefined })),
    };
    file.data.astro ??= {};
    file.data.astro.frontmatter = { ...file.data.astro.frontmatter, [REPORT]: report };
  };
}

/**
 * The processor every body is rendered with. Problems do not stop it: the
 * check collects them all, and a body with any is never published (the model
 * is not built).
 */
function markdownProcessor(base: string) {
  return unified({
    remarkPlugins: [...bodyRules(base), remarkReport],
    gfm: GFM,
    rehypePlugins,
    // Typographic quote rewriting would change the published wording.
    smartypants: false,
  });
}

type Renderer = Awaited<ReturnType<ReturnType<typeof markdownProcessor>['createRenderer']>>;
const renderers = new Map<string, Promise<Renderer>>();

function rendererFor(base: string): Promise<Renderer> {
  let renderer = renderers.get(base);
  if (!renderer) {
    // No syntax highlighting: a disclosure has no code, and Shiki would load a grammar per language.
    renderer = markdownProcessor(base).createRenderer({ syntaxHighlight: false });
    renderers.set(base, renderer);
  }
  return renderer;
}

/** Renders one body, running the body rules on the way. */
export async function renderBody(input: RenderInput, base: string): Promise<RenderedBody> {
  const renderer = await rendererFor(base);
  const { code, metadata } = await renderer.render(input.body, {
    fileURL: pathToFileURL(input.filePath),
    frontmatter: { counterpart: input.counterpart },
  });
  const report = metadata.frontmatter[REPORT] as Omit<RenderedBody, 'html'>;
  return { html: code, ...report };
}

/** One body's outcome: its rendering, or `tooDeep` where the Markdown nests past what the parser's stack holds. */
export type RenderOutcome = RenderedBody | 'tooDeep';

/** A worker thread's answer for one body (src/markdown/render-worker.ts), with the parses it ran. */
export type RenderReply = { id: number; parses: number } & (
  { outcome: RenderOutcome } | { failed: string }
);

/**
 * Whether a body nests far deeper than any disclosure could (hundreds of levels): such a body is
 * refused before it is parsed, since the parser's plugins run out of stack on thousands of levels,
 * and the Markdown processor prints a stack trace before it says so. The rule itself (at most
 * LIMITS.maxNestingDepth levels) is remark-strict-markdown's, on what parses.
 */
function nestsFarTooDeep(body: string): boolean {
  const limit = LIMITS.maxNestingDepth * 16;
  for (const line of body.split('\n')) {
    const markers = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/u.exec(line)![0];
    if ((markers.match(/[>*+-]|\d{1,9}[.)]/gu)?.length ?? 0) > limit) return true;
    if (/^[ \t]*/u.exec(line)![0].length > limit * 4) return true;
  }
  return false;
}

/** Renders one body on the calling thread; a body nested too deeply is an outcome, not an error. */
export async function renderHere(input: RenderInput, base: string): Promise<RenderOutcome> {
  if (nestsFarTooDeep(input.body)) return 'tooDeep';
  try {
    return await renderBody(input, base);
  } catch (error) {
    if (error instanceof RangeError) return 'tooDeep';
    throw error;
  }
}

/**
 * Renders every body, in the order given: those kept by `cache` are read back,
 * the rest rendered, on `workers` threads when there are at least
 * `workersFrom` of them (each thread loads the renderer once, about a second),
 * else here. Workers render with the same code as this thread, so the output
 * does not depend on where a body was rendered (tested). One thing would: how
 * deep a body may nest before the parser runs out of stack, since a worker's
 * stack is not this thread's. So a body a worker refused, or found a problem
 * in (deep nesting is one), is rendered again here, and this thread's outcome
 * is the one kept. Such bodies stop the build anyway; a sound body never
 * nests anywhere near that deep.
 */
export async function renderBodies(
  inputs: readonly RenderInput[],
  base: string,
  options: { cache?: RenderCache; workers?: number; workersFrom?: number } = {},
): Promise<RenderOutcome[]> {
  const { cache, workers = 0, workersFrom = 1 } = options;
  const outcomes: (RenderOutcome | undefined)[] = inputs.map((input) => cache?.read(input, base));
  const missing = inputs.flatMap((_, i) => (outcomes[i] === undefined ? [i] : []));
  if (workers > 0 && missing.length >= workersFrom) {
    await renderOnWorkers(
      inputs,
      missing,
      base,
      Math.min(workers, missing.length),
      (i, outcome) => {
        outcomes[i] = outcome;
      },
    );
    for (const i of missing) {
      const outcome = outcomes[i]!;
      if (outcome === 'tooDeep' || outcome.messages.length > 0)
        outcomes[i] = await renderHere(inputs[i]!, base);
    }
  } else {
    for (const i of missing) outcomes[i] = await renderHere(inputs[i]!, base);
  }
  for (const i of missing) {
    const outcome = outcomes[i]!;
    if (cache && outcome !== 'tooDeep') cache.write(inputs[i]!, base, outcome);
  }
  return outcomes as RenderOutcome[];
}

/** Bodies sent to a worker thread in one message: fewer round trips, while the threads still share the work evenly. */
const BATCH = 16;

/** Hands the bodies at `indexes` to `count` worker threads, a batch at a time each, and ends the threads. */
async function renderOnWorkers(
  inputs: readonly RenderInput[],
  indexes: number[],
  base: string,
  count: number,
  keep: (i: number, outcome: RenderOutcome) => void,
): Promise<void> {
  let next = 0;
  const entry = new URL('./render-worker.mjs', import.meta.url);
  const run = (worker: Worker) =>
    new Promise<void>((done, fail) => {
      let pending = 0;
      const send = () => {
        const batch = indexes.slice(next, next + BATCH);
        next += batch.length;
        if (batch.length === 0) {
          done();
          return;
        }
        pending = batch.length;
        worker.postMessage({ base, bodies: batch.map((id) => ({ id, input: inputs[id] })) });
      };
      worker.on('message', (reply: RenderReply) => {
        addParseCount(reply.parses);
        if ('failed' in reply) {
          fail(new Error(`rendering ${inputs[reply.id]!.filePath} failed:\n${reply.failed}`));
          return;
        }
        keep(reply.id, reply.outcome);
        if (--pending === 0) send();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`a render worker stopped (exit code ${code})`)));
      send();
    });
  const pool = Array.from({ length: count }, () => new Worker(entry));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/**
 * Renderings kept between builds, one file per body, named by a hash of
 * everything the rendering depends on: the code that renders (every file under
 * src/, the lock file of the packages, astro.config.mjs), the base, the file's
 * path, its counterpart and its text. A changed disclosure or a changed plugin
 * is rendered afresh; nothing else needs to be. Files not used by a build are
 * removed at its end, so the cache holds one build's worth.
 */
export class RenderCache {
  readonly #dir: string;
  readonly #stamp: string;
  readonly #used = new Set<string>();
  readonly #bodies = new Set<string>();
  /** Bodies rendered (not found in the cache) by this cache's builds. */
  rendered = 0;

  constructor(dir: string, root: string) {
    this.#dir = dir;
    this.#stamp = hashCode(root);
  }

  /** The kept file of these parts under this cache's stamp, marked used so that prune keeps it. */
  #fileFor(parts: readonly unknown[]): string {
    const key = createHash('sha256')
      .update(JSON.stringify([this.#stamp, ...parts]))
      .digest('hex');
    this.#used.add(key);
    return join(this.#dir, key.slice(0, 2), `${key}.json`);
  }

  #fileOf(input: RenderInput, base: string): string {
    const file = this.#fileFor([base, input.filePath, input.counterpart, input.body]);
    this.#bodies.add(file);
    return file;
  }

  /**
   * Bodies this cache's builds asked for, found or rendered: every version's, in both languages,
   * so that "kept" (bodies - rendered) is never negative when earlier versions are rendered too.
   */
  get bodies(): number {
    return this.#bodies.size;
  }

  /** The kept rendering of a body, if there is one. */
  read(input: RenderInput, base: string): RenderedBody | undefined {
    try {
      return JSON.parse(readFileSync(this.#fileOf(input, base), 'utf8')) as RenderedBody;
    } catch {
      // Not rendered yet, or a file cut short by a killed build: render it.
      return undefined;
    }
  }

  /**
   * What `compute` gives for these parts, kept beside the renderings under the same stamp (and
   * pruned with them): the English completion's reading of bodies (src/translate/english.ts),
   * which costs a parse each, is done once per text rather than once per build.
   */
  memo<T>(kind: string, parts: readonly string[], compute: () => T): T {
    const file = this.#fileFor([kind, ...parts]);
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { value: T }).value;
    } catch {
      // Not computed yet, or cut short by a killed build: compute it.
    }
    const value = compute();
    writeKept(file, JSON.stringify({ value }));
    return value;
  }

  /** Keeps a body's rendering for the next build. */
  write(input: RenderInput, base: string, rendered: RenderedBody): void {
    this.rendered++;
    writeKept(this.#fileOf(input, base), JSON.stringify(rendered));
  }

  /** Removes every rendering this cache's builds did not use. */
  prune(): void {
    let shards: string[];
    try {
      shards = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const shard of shards) {
      const dir = join(this.#dir, shard);
      for (const name of readdirSync(dir)) {
        if (!this.#used.has(name.replace(/\.json$/, ''))) rmSync(join(dir, name), { force: true });
      }
    }
  }
}
