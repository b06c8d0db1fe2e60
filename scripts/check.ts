/**
 * `npm run check [project folder]`: validates the content without building
 * the site, reports every problem in every file, and exits non-zero when
 * anything is wrong.
 */
import { readSettings, SettingsError, type Settings } from '../src/config';
import { formatReport } from '../src/content/problems';
import { checkContent } from '../src/check/check';

const root = process.argv[2] ?? process.cwd();
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
console.log(
  `content OK: ${model?.publications.length ?? 0} publication(s), ${model?.projects.length ?? 0} project(s) in Chinese and English`,
);
