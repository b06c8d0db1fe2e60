/**
 * npm run import -- <file> --department-slug <slug> [--region <text>] [--content <dir>] [--force]
 *                          [--department <name>] [--year <year>] [--slugs a,b,c]
 *
 * Imports a publication as its finance bureau published it (a .txt or a .docx
 * in the eight-part template) into the content folder: the original byte for
 * byte, publication.yaml with its SHA-256, and one zh/<slug>.md per project,
 * each marked `translation: pending`. Everything is checked before anything is
 * written, and then written all at once; an existing file is overwritten only
 * with --force.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mammoth from 'mammoth';
import { readSettings } from '../src/config';
import { formatIsoDate } from '../src/domain/dates';
import { formatReport } from '../src/content/problems';
import { decodeContent } from '../src/content/read';
import { buildImport } from '../src/importer/build';
import { ImportError } from '../src/importer/parse';
import { checkContent } from '../src/markdown/check';

const USAGE =
  'usage: npm run import -- <file.txt|file.docx> --department-slug <slug> [--region <text>] [--content <dir>] [--force] [--department <name>] [--year <year>] [--slugs a,b,c]';

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
        department: { type: 'string' },
        year: { type: 'string' },
        slugs: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
})();
const [input] = positionals;
if (!input || positionals.length !== 1) fail(USAGE, 2);
if (!values['department-slug']) fail(`--department-slug is required\n${USAGE}`, 2);
const extension = extname(input).toLowerCase();
if (extension !== '.txt' && extension !== '.docx') fail(`${input}: give a .txt or a .docx file`, 2);
if (!existsSync(input)) fail(`${input}: no such file`, 2);
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !Number.isInteger(year)) fail(`--year must be a year such as 2020`, 2);

const bytes = new Uint8Array(readFileSync(input));
let text: string;
if (extension === '.docx') {
  // The text of the Word file, paragraph by paragraph, as mammoth reads it.
  text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
} else {
  // The same decoding as every content file: UTF-8 required, BOM and CRLF accepted.
  const decoded = decodeContent(bytes);
  if (typeof decoded !== 'string')
    fail(`${input}: line ${decoded.line}: ${decoded.error}\nNothing was written.`);
  text = decoded;
}

const contentDir = resolve(values.content ?? readSettings().contentDir);
let result: ReturnType<typeof buildImport>;
try {
  result = buildImport(text, {
    departmentSlug: values['department-slug'],
    department: values.department,
    year,
    region: values.region,
    slugs: values.slugs?.split(',').map((s) => s.trim()),
    original: { bytes, extension: extension === '.docx' ? 'docx' : 'txt' },
    updated: formatIsoDate(new Date()),
  });
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  fail(
    `${input}: ${error.line > 0 ? `line ${error.line}: ` : ''}${error.message.replace(/^line \d+: /, '')}\nNothing was written.`,
  );
}

const existing = [...result.files.keys()].filter((path) => existsSync(join(contentDir, path)));
if (existing.length > 0 && !values.force) {
  fail(
    `These files exist already (an earlier import?); give --force to replace them:\n${existing.map((p) => `  ${join(contentDir, p)}`).join('\n')}\nNothing was written.`,
  );
}

// Check the content as it would be after the import, in a copy, before touching the real folder.
const trial = mkdtempSync(join(tmpdir(), 'import-'));
try {
  if (existsSync(contentDir)) cpSync(contentDir, trial, { recursive: true });
  for (const [path, data] of result.files) {
    mkdirSync(dirname(join(trial, path)), { recursive: true });
    writeFileSync(join(trial, path), data);
  }
  const { problems } = await checkContent(trial);
  if (problems.length > 0)
    fail(
      `The imported files would not pass npm run check:\n\n${formatReport(problems)}\n\nNothing was written.`,
    );
} finally {
  rmSync(trial, { recursive: true, force: true });
}

// All or nothing: every file is written beside its target first, then each is renamed into place.
const staged: [string, string][] = [];
try {
  for (const [path, data] of result.files) {
    const target = join(contentDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.importing`, data);
    staged.push([`${target}.importing`, target]);
  }
} catch (error) {
  for (const [temporary] of staged) rmSync(temporary, { force: true });
  throw error;
}
for (const [temporary, target] of staged) renameSync(temporary, target);

for (const notice of result.notices)
  console.log(`${input}: line ${notice.line}: ${notice.message}`);
const { department, year: fiscalYear, projects } = result.publication;
console.log(
  `imported ${department} ${fiscalYear}: ${projects.length} project(s) into ${contentDir}\n` +
    projects.map((name, i) => `  ${i + 1}. ${name}`).join('\n') +
    `\nEach is marked translation: pending; add content/<department>/<year>/en/<slug>.md files, then remove the mark.`,
);
