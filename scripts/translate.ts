/**
 * `npm run translate -- export <department-slug>/<year> [--out <file.xlf>]`
 * `npm run translate -- import <file.xlf>`
 * XLIFF 1.2 for translators (src/importer/translate.ts; docs/translation.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readSettings } from '../src/config';
import { exportXliff, importXliff } from '../src/importer/translate';

const [command, argument, ...rest] = process.argv.slice(2);
const settings = readSettings();
const usage =
  'usage: npm run translate -- export <department-slug>/<year> [--out <file.xlf>] | import <file.xlf>';
try {
  if (command === 'export' && argument) {
    const out = rest[0] === '--out' ? rest[1] : undefined;
    if (rest.length > 0 && !out) throw new Error(usage);
    const { xml, units } = exportXliff(settings.contentDir, argument, settings.basePath);
    if (out) {
      writeFileSync(out, xml);
      console.error(`translate: wrote ${units} units to ${out}`);
    } else process.stdout.write(xml);
  } else if (command === 'import' && argument && rest.length === 0) {
    const outcome = await importXliff(
      settings.contentDir,
      readFileSync(argument, 'utf8'),
      settings.basePath,
    );
    if (outcome.problems.length > 0) {
      console.error(`translate: nothing was written; ${outcome.problems.length} problem(s):`);
      for (const problem of outcome.problems) console.error(`  ${problem}`);
      process.exitCode = 1;
    } else if (outcome.written.length === 0)
      console.error('translate: no unit had a translator’s English; nothing to write');
    else for (const file of outcome.written) console.error(`translate: wrote content/${file}`);
  } else throw new Error(usage);
} catch (error) {
  console.error(`translate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
