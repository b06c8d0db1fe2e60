/**
 * An import that is killed (SIGKILL, as kill -9) at a chosen rename: the
 * moment a crash is most awkward is between the renames that commit an import.
 *   tsx tests/support/crash-import.ts <content dir> <file> <slug> <n>
 * Kills itself just before the n-th rename of the content folder (the first
 * is the journal's); with n past the last, the import finishes.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { runImport } from '../../src/importer/run';

const [contentDir, file, departmentSlug, n] = process.argv.slice(2);
let renames = 0;
const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).startsWith(contentDir!) && ++renames === Number(n))
    process.kill(process.pid, 'SIGKILL');
  rename(from, to);
};
syncBuiltinESMExports();

await runImport({
  file: file!,
  departmentSlug: departmentSlug!,
  contentDir: contentDir!,
  force: true,
  dryRun: false,
  today: '2026-11-30',
});
console.log(`imported after ${renames} renames`);
