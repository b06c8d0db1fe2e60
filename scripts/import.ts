/**
 * npm run import: reads the arguments and hands them to src/importer/run.ts,
 * which does the work; prints what it did, or one plain message.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings, SettingsError } from '../src/config';
import { formatIsoDate } from '../src/domain/dates';
import { ImportFailure } from '../src/importer/failure';
import type { ImportRequest } from '../src/importer/request';

const USAGE = `usage: npm run import -- <file> --department-slug <slug> [options]
       npm run import -- --recover [--content <dir>]

Imports a year's disclosure texts in the eight-part template, as the bureau
published them, into the content folder. It reads a PDF with a text layer,
Word (.docx, .doc), WPS (.wps in Word's format), plain text in UTF-8, UTF-16
or GBK, and a web page saved from the browser (.html), told by their content.
It writes the text the site shows (UTF-8) and the original byte for byte under
sources/, publication.yaml with both SHA-256 (and the preface, the signature,
the page's own date where the text has them), and one zh/<slug>.md per project.
All is checked first, then written at once; an interrupted import is finished
or rolled back by the next one. A file it cannot read verbatim is refused,
with the page and line, paragraph or line to look at.

options:
  --department-slug <slug>  the department's URL segment, e.g. ruili-psb (required)
  --region <text>           where the department is, e.g. 云南省德宏州瑞丽市
  --department <name>       the department, if the title line does not name it
  --year <year>             the fiscal year, if the title line does not give it
  --slugs a,b,c             the projects' URL segments, in order (default: pinyin)
  --content <dir>           the content folder (default: CONTENT_DIR, else content/)
  --revise                  import a corrected text of a publication as its next version:
                            earlier versions stay (files, originals, history on the site),
                            what did not change keeps its hand refinements
  --note <text>             with --revise: why the text was revised, shown with the version
  --note-en <text>          with --note: the note in English, shown on English pages
  --source-url <url>        the address of the bureau's page the text was published on
  --published-on <date>     the date the bureau published the text (YYYY-MM-DD), shown as its date
  --revised-on <date>       with --revise: the date the bureau revised the text, shown as the
                            revision's date (the import's own date is shown apart, as 本站更新)
  --match <old-slug>=<name> with --revise: the project of the new text named <name> is the
                            publication's project <old-slug> (renamed); once per project.
                            Projects are matched by name, never by place: the import asks
                            for this where a project could be either of two
  --withheld-wording <text> the words that withhold a part where the text says so in words the
                            importer does not know (read as 涉密不宜公开, classified); once per
                            wording. The import asks for it, or for --not-withheld, where a part
                            mentions 涉密, 保密 or 不予公开 in other words
  --not-withheld <text>     a line that mentions 涉密, 保密 or 不予公开 but is text to publish
  --force                   replace a publication imported before, without history (a mistake
                            caught before it was published; once it is, use --revise)
  --dry-run                 print what would be written, and write nothing
  --recover                 finish or roll back an import that was interrupted
  --help                    print this`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'department-slug': { type: 'string' },
        region: { type: 'string' },
        content: { type: 'string' },
        force: { type: 'boolean', default: false },
        revise: { type: 'boolean', default: false },
        note: { type: 'string' },
        'note-en': { type: 'string' },
        'source-url': { type: 'string' },
        'published-on': { type: 'string' },
        'revised-on': { type: 'string' },
        match: { type: 'string', multiple: true },
        'withheld-wording': { type: 'string', multiple: true },
        'not-withheld': { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        recover: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        department: { type: 'string' },
        year: { type: 'string' },
        slugs: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
// The importer (PDF, Word and the check's Markdown pipeline) loads once the command line is
// known to be one: --help and a mistyped option answer at once.
const { recoverContent, runImport } = await import('../src/importer/run');
let settings;
try {
  settings = readSettings();
} catch (error) {
  if (error instanceof SettingsError) fail(error.message);
  throw error;
}
const contentDir = resolve(values.content ?? settings.contentDir);

if (values.recover) {
  try {
    const done = recoverContent(contentDir);
    console.log(done.length > 0 ? done.join('\n') : `nothing to recover in ${contentDir}`);
  } catch (error) {
    if (error instanceof ImportFailure) fail(error.message);
    throw error;
  }
  process.exit(0);
}

const [input] = positionals;
if (!input || positionals.length !== 1) fail(USAGE, 2);
if (!values['department-slug']) fail(`--department-slug is required\n\n${USAGE}`, 2);
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !Number.isInteger(year)) fail(`--year must be a year such as 2020`, 2);

const match = new Map<string, string>();
for (const pair of values.match ?? []) {
  const at = pair.indexOf('=');
  if (at <= 0 || at === pair.length - 1)
    fail(`--match ${pair}: give it as <old-slug>=<project name in the new text>`, 2);
  match.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
}
if (match.size > 0 && !values.revise) fail('--match goes with --revise', 2);

const request: ImportRequest = {
  file: input,
  departmentSlug: values['department-slug'],
  contentDir,
  region: values.region,
  department: values.department,
  year,
  slugs: values.slugs?.split(',').map((s) => s.trim()),
  force: values.force,
  revise: values.revise,
  note: values.note,
  noteEn: values['note-en'],
  sourceUrl: values['source-url'],
  publishedOn: values['published-on'],
  revisedOn: values['revised-on'],
  match,
  wordings: { withheld: values['withheld-wording'] ?? [], text: values['not-withheld'] ?? [] },
  dryRun: values['dry-run'],
  today: formatIsoDate(new Date()),
  renderCacheDir: settings.renderCacheDir,
  root: settings.root,
};

try {
  const { result, notices, files, english } = await runImport(request, (line) => console.log(line));
  for (const notice of notices) console.log(`${input}: ${notice}`);
  // English on the day of import: what the rules and the translation memory give, checked.
  if (english && english.total > 0)
    console.log(
      `English: ${english.total - english.none} of ${english.total} passages (${Math.round((100 * (english.total - english.none)) / english.total)}%): ${english.rule} by rule, ${english.memory} from earlier translations, ${english.translator} by a translator; the other ${english.none} show the Chinese, marked, until translated (npm run translate -- export ${request.departmentSlug}/${result.publication.year})`,
    );
  const { department, year: fiscalYear, projects } = result.publication;
  if (request.dryRun) {
    console.log(
      `dry run: nothing was written. Importing ${department} ${fiscalYear} would write into ${contentDir}:\n` +
        files.map((file) => `  ${file}`).join('\n') +
        `\n${result.summary.map((line) => `  ${line}`).join('\n')}`,
    );
  } else if (request.revise) {
    console.log(
      `revised ${department} ${fiscalYear}: ${result.summary[0] ?? ''}, ${projects.length} project(s) in ${contentDir}\n` +
        'Review what was imported again (listed above); a translation of a changed project is marked as made for the earlier version.',
    );
  } else {
    console.log(
      `imported ${department} ${fiscalYear}: ${projects.length} project(s) into ${contentDir}\n` +
        projects.map((name, i) => `  ${i + 1}. ${name}`).join('\n') +
        `\nEach is marked translation: pending until a translator's English is imported (npm run translate; docs/translation.md).`,
    );
  }
} catch (error) {
  if (error instanceof ImportFailure) fail(`${error.message}\nNothing was written.`);
  throw error;
}
