/**
 * `npm run check [project folder] [--evidence]`: validates the content
 * without building the site, reports every problem in every file, and exits
 * non-zero when anything is wrong. With --evidence it lists every structured
 * fact (amount, source of funds, procurement method, estimate, period, unit)
 * with the place in the original it was read from.
 */
import { relative } from 'node:path';
import { readSettings, SettingsError, type Settings } from '../src/config';
import { formatReport } from '../src/content/problems';
import { checkContent } from '../src/check/check';
import { describeFact, listRecordedFacts } from '../src/check/facts';

const args = process.argv.slice(2);
const listEvidence = args.includes('--evidence');
const root = args.find((arg) => arg !== '--evidence') ?? process.cwd();
let settings: Settings;
try {
  settings = readSettings(process.env, root);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { problems, model, pending, outdated, untranslated } = await checkContent(
  settings.contentDir,
);
// Files are named `content/<path>` inside the check; printed, they are where CONTENT_DIR points.
const below = relative(process.cwd(), settings.contentDir).split('\\').join('/');
const folder = below === '' ? '.' : below.startsWith('..') ? settings.contentDir : below;
const show = (file: string) => file.replace(/^content\//, `${folder}/`);
if (pending.length > 0) {
  // Information, not a problem: these publish in Chinese, with an English page that says the translation is pending.
  console.log(
    `${pending.length} project(s) awaiting English translation:\n${pending.map((file) => `  ${show(file)}`).join('\n')}`,
  );
}
if (outdated.length > 0) {
  // Information too: the English page shows the earlier version's translation and says so.
  console.log(
    `${outdated.length} translation(s) of an earlier version of a revised text (update each, then remove translationOf):\n${outdated.map((o) => `  ${show(o.file)} (version ${o.version})`).join('\n')}`,
  );
}
if (untranslated.length > 0) {
  // Information too: the English publication page shows these in Chinese, marked, until then.
  console.log(
    `${untranslated.length} publication(s) whose English block (en: in publication.yaml) lacks what the English page needs:\n${untranslated.map((u) => `  ${show(u.file)}: ${u.missing.join(', ')}`).join('\n')}`,
  );
}
if (problems.length > 0) {
  console.error(
    formatReport(problems.map((problem) => ({ ...problem, file: show(problem.file) }))),
  );
  process.exit(1);
}
const projects = model?.projects ?? [];
const facts = projects.map((project) => ({ project, facts: listRecordedFacts(project.original) }));
const count = facts.reduce((n, p) => n + p.facts.length, 0);
const unsourced = facts.reduce((n, p) => n + p.facts.filter((f) => f.evidence === null).length, 0);
if (listEvidence)
  for (const { project, facts: list } of facts)
    console.log(
      `${show(project.files.zh)}:\n${list.map((fact) => `  ${describeFact(fact)}`).join('\n')}`,
    );
else
  console.log(
    `${count} structured fact(s), ${count - unsourced} with the line of the original they were read from` +
      `${unsourced > 0 ? `, ${unsourced} written by hand` : ''} (npm run check -- --evidence lists them)`,
  );
console.log(
  `content OK: ${model?.publications.length ?? 0} publication(s), ${model?.projects.length ?? 0} project(s) in Chinese and English`,
);
