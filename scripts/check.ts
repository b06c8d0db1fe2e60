/**
 * `npm run check [project folder] [--evidence]`: validates the content
 * without building the site, reports every problem in every file, and exits
 * non-zero when anything is wrong. With --evidence it lists every structured
 * fact (amount, source of funds, procurement method, estimate, period, unit)
 * with the place in the original it was read from.
 */
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
const { problems, model, pending, outdated } = await checkContent(settings.contentDir);
if (pending.length > 0) {
  // Information, not a problem: these publish in Chinese, with an English page that says the translation is pending.
  console.log(
    `${pending.length} project(s) awaiting English translation:\n${pending.map((file) => `  ${file}`).join('\n')}`,
  );
}
if (outdated.length > 0) {
  // Information too: the English page shows the earlier version's translation and says so.
  console.log(
    `${outdated.length} translation(s) of an earlier version of a revised text (update each, then remove translationOf):\n${outdated.map((o) => `  ${o.file} (version ${o.version})`).join('\n')}`,
  );
}
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
const projects = model?.projects ?? [];
const facts = projects.map((project) => ({ project, facts: listRecordedFacts(project.original) }));
const count = facts.reduce((n, p) => n + p.facts.length, 0);
const unsourced = facts.reduce((n, p) => n + p.facts.filter((f) => f.evidence === null).length, 0);
if (listEvidence)
  for (const { project, facts: list } of facts)
    console.log(
      `${project.files.zh}:\n${list.map((fact) => `  ${describeFact(fact)}`).join('\n')}`,
    );
else
  console.log(
    `${count} structured fact(s), ${count - unsourced} with the line of the original they were read from` +
      `${unsourced > 0 ? `, ${unsourced} written by hand` : ''} (npm run check -- --evidence lists them)`,
  );
console.log(
  `content OK: ${model?.publications.length ?? 0} publication(s), ${model?.projects.length ?? 0} project(s) in Chinese and English`,
);
