import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';

/**
 * What a build did, step by step, in figures: the bodies it rendered, the kept pages it
 * verified, the pages Astro copied instead of rendering, what the output audit passed and
 * what the search index step indexed. Each step writes its own file into the report folder
 * (BUILD_REPORT_DIR, else .cache/build-report), so that steps in other processes, even side by
 * side, never write the same file; scripts/build-site.mjs empties the folder first, so a
 * report is of one build. The log says the same in words for people; tests and tools read this.
 */
const BuildReportSchema = z.strictObject({
  bodies: z.strictObject({ total: z.int(), rendered: z.int() }).optional(),
  keptPages: z.strictObject({ verified: z.int(), dropped: z.array(z.string()) }).optional(),
  /** Project pages Astro copied from the last build instead of rendering them, by output path. */
  pages: z.strictObject({ restored: z.array(z.string()) }).optional(),
  audit: z.strictObject({ projects: z.int(), vouched: z.int() }).optional(),
  searchIndex: z
    .strictObject({
      layout: z.enum(['one', 'fiscal-year']),
      pages: z.int(),
      parts: z.int(),
      /** The parts this build indexed, in one language or more (the others it kept from the last build). */
      indexed: z.array(z.string()),
      /** Each language of a part it indexed, as `<part>/<language>` (Pagefind's language name). */
      runs: z.array(z.string()),
    })
    .optional(),
});
export type BuildReport = z.infer<typeof BuildReportSchema>;
type BuildStep = keyof BuildReport;

/** Writes one step's figures, whole (staged, then renamed). */
export function writeBuildReport<S extends BuildStep>(
  dir: string,
  step: S,
  figures: NonNullable<BuildReport[S]>,
): void {
  mkdirSync(dir, { recursive: true });
  const staged = join(dir, `.${step}.json.${process.pid}`);
  writeFileSync(staged, `${JSON.stringify(figures, null, 2)}\n`);
  renameSync(staged, join(dir, `${step}.json`));
}

/** Empties the report folder: what it holds afterwards is of the build that starts. */
export function clearBuildReport(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The report of the last build, with the steps it reached; {} where there is none. */
export function readBuildReport(dir: string): BuildReport {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^[a-zA-Z]+\.json$/.test(name));
  } catch {
    return {};
  }
  return BuildReportSchema.parse(
    Object.fromEntries(
      names.map((name) => [
        name.slice(0, -'.json'.length),
        JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown,
      ]),
    ),
  );
}
