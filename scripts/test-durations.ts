/**
 * Writes tests/support/durations.json, how long each test file took in vitest's record of its
 * last run (node_modules/.vite/vitest/<hash>/results.json), for the test sequencer to start the
 * longest files first on a clean clone, which has no such record (tests/support/sequencer.ts).
 * Run it after a whole `npm test` on a machine with nothing else running.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';

const ResultsSchema = z.object({
  projects: z.record(
    z.string(),
    z.object({ files: z.record(z.string(), z.object({ duration: z.number() })) }),
  ),
});

const cache = 'node_modules/.vite/vitest';
const [record] = readdirSync(cache, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(cache, entry.name, 'results.json')))
  .map((entry) => join(cache, entry.name, 'results.json'));
if (!record) throw new Error(`no record of a test run under ${cache}: run npm test first`);
const results = ResultsSchema.parse(JSON.parse(readFileSync(record, 'utf8')));
const seconds = Object.values(results.projects)
  .flatMap((project) => Object.entries(project.files))
  // The record keeps files run once and deleted since (a file tried out alone, say).
  .filter(([file]) => existsSync(file))
  .map(([file, { duration }]) => [file, Math.round(duration / 1000)] as const)
  // Files under a second order among themselves by size, which is close enough.
  .filter(([, s]) => s >= 1)
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
const target = 'tests/support/durations.json';
writeFileSync(`${target}.tmp`, `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`);
renameSync(`${target}.tmp`, target);
console.log(`${target}: ${seconds.length} files of a second or more`);
