/**
 * `npm run bench:import`: how long importing a large PDF takes, as a bureau
 * publishes one: a Word document of N projects in the eight-part template
 * (tests/support/bureau-files.ts), saved as PDF by LibreOffice (needs soffice:
 * scripts/system-deps.sh does not install it; apt install libreoffice-writer-nogui).
 * It reports figures and asserts nothing. Usage:
 *   npm run bench:import              400 projects, 3 runs
 *   npm run bench:import -- 1000      another size
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BLOCKS, makeDocx, type Block } from '../tests/support/bureau-files';
import { runImport } from '../src/importer/run';

const { positionals } = parseArgs({ allowPositionals: true });
const count = Number(positionals[0] ?? 400);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run bench:import -- [projects]');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
try {
  // The fixture's two projects, again and again, each with a name and an amount of its own.
  const first = BLOCKS.findIndex((b) => b.text === '一、项目名称');
  const last = BLOCKS.findIndex((b) => b.kind === 'signature');
  const projects = BLOCKS.slice(first, last);
  const blocks: Block[] = [...BLOCKS.slice(0, first)];
  for (let i = 0; blocks.length - first < (projects.length / 2) * count; i += 1) {
    for (const block of projects) {
      const text = block.text
        .replace(/(项目|工程)$/u, `（第${i + 1}批）$1`)
        .replace(/1523\.68万元/u, `${1000 + i}.68万元`);
      blocks.push({ ...block, text });
    }
  }
  blocks.push(...BLOCKS.slice(last));
  const docx = join(work, 'projects.docx');
  writeFileSync(docx, await makeDocx({ blocks }));
  const made = performance.now();
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    stdio: 'ignore',
    env: { ...process.env, HOME: work },
  });
  const pdf = join(work, 'projects.pdf');
  const pages = (/\/Type\s*\/Page[^s]/g[Symbol.match](readFileSync(pdf, 'latin1')) ?? []).length;
  console.log(
    `${count} projects: a ${pages}-page PDF of ${(statSync(pdf).size / 1024).toFixed(0)} KB (LibreOffice took ${((performance.now() - made) / 1000).toFixed(1)} s to make it)`,
  );
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  );
  const seconds: number[] = [];
  for (let run = 1; run <= 3; run += 1) {
    const content = mkdtempSync(join(work, 'content-'));
    const start = performance.now();
    const outcome = await runImport({
      file: pdf,
      departmentSlug: 'bench',
      contentDir: content,
      force: false,
      dryRun: false,
      today: '2026-11-30',
    });
    seconds.push((performance.now() - start) / 1000);
    console.log(
      `run ${run}: ${seconds.at(-1)!.toFixed(2)} s to read, check and write ${outcome.result.publication.projects.length} projects (${outcome.files.length} files)`,
    );
  }
  seconds.sort((a, b) => a - b);
  console.log(`median: ${seconds[1]!.toFixed(2)} s`);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
