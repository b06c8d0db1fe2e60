import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../domain/dates';
import { generateContent } from '../generate/synthetic';
import { generateTemplate } from '../generate/template';
import { checkContent } from '../check/check';
import { makeTextPdf } from '../../tests/support/bureau-files';
import { readRefusal } from '../../tests/support/refusal';
import { recoverContent, runImport, type ImportRequest } from './run';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'importer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = (name: string) => {
  const dir = join(work, `${name}-${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * Runs `act` with os.tmpdir() pointing at a folder of its own and returns what is left there:
 * other test files create temporary folders at the same time, so counting the shared one is flaky.
 */
async function leftInTmp<T>(act: () => Promise<T>): Promise<{ value: T; left: string[] }> {
  const own = folder('tmp');
  const saved = process.env['TMPDIR'];
  process.env['TMPDIR'] = own;
  try {
    const value = await act();
    return { value, left: readdirSync(own) };
  } finally {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
}

/**
 * Every file below `dir` with its bytes, and every folder (its path ending in `/`, with no
 * bytes), by relative path: to show a refused import changed nothing, and that a folder is
 * exactly one an import left, empty staging folders included.
 */
function tree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((e) => ({ path: join(e.parentPath, e.name), folder: e.isDirectory() }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map(({ path, folder }) => [
        `${path.slice(dir.length + 1)}${folder ? '/' : ''}`,
        folder ? '' : readFileSync(path).toString('base64'),
      ]),
  );
}

/** Makes `dir` hold exactly `files` (a tree() of another folder): as an import left that folder. */
function writeTree(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) {
      mkdirSync(join(dir, path), { recursive: true });
      continue;
    }
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), Buffer.from(data, 'base64'));
  }
}

const SLUGS = (n: number) =>
  Array.from({ length: n }, (_, i) => `p${String(i + 1).padStart(3, '0')}`);

/** A generated publication's text in a file; the department is synth-edu, its year 2025. */
function templateFile(count: number, seed = 7): string {
  const file = join(folder('input'), 'text.txt');
  writeFileSync(file, generateTemplate({ count, seed }).text);
  return file;
}

const request = (
  file: string,
  contentDir: string,
  more: Partial<ImportRequest> = {},
): ImportRequest => ({
  file,
  departmentSlug: 'synth-edu',
  contentDir,
  force: false,
  dryRun: false,
  today: '2026-11-30',
  ...more,
});

const refusal = readRefusal;

describe('npm run import, in process', { timeout: 60_000 }, () => {
  it('imports a publication whole, leaving no staging folder and no lock', async () => {
    const content = folder('content');
    const outcome = await runImport(request(templateFile(6), content, { slugs: SLUGS(6) }));
    expect(outcome.files).toEqual(
      [
        'sources/synth-edu-2025-key-projects.zh.txt',
        'synth-edu/2025/publication.yaml',
        ...SLUGS(6).map((s) => `synth-edu/2025/zh/${s}.md`),
      ].sort(),
    );
    expect(outcome.result.summary).toHaveLength(6);
    expect(readdirSync(content).sort()).toEqual(['sources', 'synth-edu']);
    expect((await checkContent(content)).problems).toEqual([]);
  });

  it('writes nothing in a dry run, and says what it would write', async () => {
    const content = folder('content');
    const file = templateFile(3);
    const { value: outcome, left } = await leftInTmp(() =>
      runImport(request(file, content, { dryRun: true })),
    );
    expect(outcome.files).toHaveLength(5);
    expect(outcome.result.summary[0]).toMatch(
      /^1\. .+ \[.+\]: [\d.]+万元 \(\d+ yuan\); period \d{4}年度; withheld: /,
    );
    expect(tree(content)).toEqual({});
    expect(left).toEqual([]);
  });

  it('refuses a publication imported before, unless forced, and changes nothing', async () => {
    const content = folder('content');
    const file = templateFile(4);
    await runImport(request(file, content));
    const before = tree(content);
    expect(await refusal(runImport(request(file, content)))).toMatch(
      /^These exist already \(an earlier import\?\); give --force to replace them:\n.*synth-edu\/2025\/\n.*sources\/synth-edu-2025-key-projects\.zh\.txt$/,
    );
    expect(tree(content)).toEqual(before);
  });

  it('replaces a publication whole when forced: a project no longer in the text is gone, translations stay and are not marked pending', async () => {
    const content = folder('content');
    await runImport(request(templateFile(6), content, { slugs: SLUGS(6) }));
    // Translations of two projects, as a translator adds them.
    const generated = generateContent({ count: 6, seed: 7, perPublication: 6, years: 1 });
    mkdirSync(join(content, 'synth-edu/2025/en'));
    for (const slug of ['p001', 'p002']) {
      const path = `synth-edu/2025/en/${slug}.md`;
      writeFileSync(join(content, path), generated.get(path)!);
    }
    // The same text with its last project removed.
    const shorter = join(folder('input'), 'text.txt');
    const text = readFileSync(templateFile(6), 'utf8');
    writeFileSync(shorter, text.slice(0, text.lastIndexOf('1、项目名称')));
    await runImport(request(shorter, content, { slugs: SLUGS(5), force: true }));
    expect(readdirSync(join(content, 'synth-edu/2025/zh')).sort()).toEqual(
      SLUGS(5).map((s) => `${s}.md`),
    );
    expect(readdirSync(join(content, 'synth-edu/2025/en')).sort()).toEqual(['p001.md', 'p002.md']);
    const zh = (slug: string) =>
      readFileSync(join(content, `synth-edu/2025/zh/${slug}.md`), 'utf8');
    expect(zh('p001')).not.toContain('translation: pending');
    expect(zh('p003')).toContain('translation: pending');
    const { problems, pending } = await checkContent(content);
    expect(problems).toEqual([]);
    expect(pending).toHaveLength(3);
  });

  describe('blames what is really wrong, naming the option or the file to change', () => {
    it('a --note with a bidirectional override is the note’s, not the file’s', async () => {
      const content = folder('content');
      await runImport(request(templateFile(2), content));
      const before = tree(content);
      const message = await refusal(
        runImport(request(templateFile(2, 3), content, { revise: true, note: '更正\u202e金额' })),
      );
      expect(message).toBe(
        '--note: contains a bidirectional override (U+202E); delete it (it is invisible or breaks the feeds)',
      );
      expect(tree(content)).toEqual(before);
    });

    it('a control character in --region or --department is theirs too', async () => {
      const content = folder('content');
      expect(
        await refusal(runImport(request(templateFile(1), content, { region: '云南\u0007' }))),
      ).toMatch(/^--region: contains a control character \(U\+0007\)/);
      expect(
        await refusal(runImport(request(templateFile(1), content, { department: '\u200b某局' }))),
      ).toMatch(/^--department: contains an invisible zero-width character \(U\+200B\)/);
      expect(tree(content)).toEqual({});
    });

    it('a department slug that is one of the site’s own folders, or not a slug', async () => {
      const content = folder('content');
      for (const slug of ['sources', 'data', 'en'])
        expect(
          await refusal(runImport(request(templateFile(1), content, { departmentSlug: slug }))),
        ).toMatch(
          new RegExp(
            `^--department-slug ${slug}: /${slug}/ is one of the site's own addresses \\(.*\\); choose another, e\\.g\\. ${slug}-bureau$`,
          ),
        );
      expect(
        await refusal(
          runImport(request(templateFile(1), content, { departmentSlug: 'Ruili PSB' })),
        ),
      ).toMatch(/^--department-slug Ruili PSB: must be lower-case ASCII words joined by hyphens/);
      expect(tree(content)).toEqual({});
    });

    it('a PDF of 2,000 pages is refused for its size, not as empty', async () => {
      const file = join(folder('input'), 'big.pdf');
      writeFileSync(
        file,
        makeTextPdf(2000, (n) => [`Page ${n} of a very long report`, `Item ${n * 7}`]),
      );
      const message = await refusal(runImport(request(file, folder('content'))));
      expect(message).toBe(
        `${file}: has 2,000 pages; the importer reads at most 500 (a department's texts of a year run to a few dozen): give the PDF of the disclosure alone`,
      );
    });

    it('a PDF whose only text repeats on every page says so, not that it is empty', async () => {
      const file = join(folder('input'), 'stamps.pdf');
      writeFileSync(
        file,
        makeTextPdf(30, (n) => [`Confidential - page ${n}`]),
      );
      expect(await refusal(runImport(request(file, folder('content'))))).toMatch(
        /: has text, but only the same line at the top or bottom of every page \(“Confidential - page 1”\), which is read as a running header or footer/,
      );
    });

    it('a date that is no date, --revised-on without --revise, an address that is none', async () => {
      const content = folder('content');
      expect(
        await refusal(runImport(request(templateFile(1), content, { publishedOn: '2021-02-30' }))),
      ).toBe('--published-on 2021-02-30: give the date as YYYY-MM-DD, e.g. 2021-03-16');
      expect(
        await refusal(runImport(request(templateFile(1), content, { revisedOn: '2021-03-01' }))),
      ).toMatch(/^--revised-on goes with --revise/);
      expect(
        await refusal(
          runImport(request(templateFile(1), content, { sourceUrl: 'www.example.gov.cn' })),
        ),
      ).toMatch(/^--source-url www\.example\.gov\.cn: give the page's address, starting http/);
      expect(tree(content)).toEqual({});
      // Given right, the address and the date are the publication's provenance.
      await runImport(
        request(templateFile(1), content, {
          publishedOn: '2025-03-20',
          sourceUrl: 'https://www.example.gov.cn/a.html',
        }),
      );
      const yaml = readFileSync(join(content, 'synth-edu/2025/publication.yaml'), 'utf8');
      expect(yaml).toContain('\n  url: https://www.example.gov.cn/a.html\n');
      expect(yaml).toContain('\n  publishedOn: 2025-03-20\n');
    });

    it('--note-en without --note', async () => {
      expect(
        await refusal(
          runImport(
            request(templateFile(1), folder('content'), { revise: true, noteEn: 'Corrected' }),
          ),
        ),
      ).toBe('--note-en goes with --note: it is the English of the note');
    });

    it('--note without --revise', async () => {
      expect(
        await refusal(runImport(request(templateFile(1), folder('content'), { note: '更正' }))),
      ).toBe('--note goes with --revise: it says why a text was revised');
    });
  });

  it('refuses a slug given twice', async () => {
    const content = folder('content');
    expect(
      await refusal(runImport(request(templateFile(3), content, { slugs: ['a', 'a', 'b'] }))),
    ).toMatch(/--slugs gives "a" twice; each project needs its own$/);
    expect(tree(content)).toEqual({});
  });

  it('leaves the folder as it was when the check refuses the import: no staging folder, no lock, nothing copied', async () => {
    const content = folder('content');
    await runImport(request(templateFile(2, 1), content, { departmentSlug: 'synth-old' }));
    const before = tree(content);
    const file = join(folder('input'), 'text.txt');
    const { text, names } = generateTemplate({ count: 2, seed: 9 });
    writeFileSync(file, text.replace(names[0]!, `${names[0]!}${'很长的名称'.repeat(80)}`));
    const { value: message, left } = await leftInTmp(() =>
      refusal(runImport(request(file, content))),
    );
    // Said where the officer finds it in the original, never in a .md file that was not written.
    const nameLine = text.split('\n').findIndex((line) => line.startsWith(names[0]!)) + 1;
    expect(message).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} would not pass npm run check:\n  line ${nameLine}: .*is longer than the 300 characters a name may have`,
      ),
    );
    expect(message).not.toMatch(/\.md/);
    expect(tree(content)).toEqual(before);
    expect(left).toEqual([]);
  });

  it('refuses while another import holds the folder, and takes over a lock whose import died', async () => {
    const content = folder('content');
    writeFileSync(join(content, '.import.lock'), String(process.pid));
    expect(await refusal(runImport(request(templateFile(2), content)))).toBe(
      `another import (process ${process.pid}) is writing into ${content}; wait for it to finish, then import again`,
    );
    expect(readdirSync(content)).toEqual(['.import.lock']);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(join(content, '.import.lock'), dead);
    await runImport(request(templateFile(2), content));
    expect(readdirSync(content).sort()).toEqual(['sources', 'synth-edu']);
  });

  describe('Word files that are not what they claim, each refused in one line', () => {
    const docx = async (files: Record<string, string | Uint8Array>) => {
      const zip = new JSZip();
      for (const [name, data] of Object.entries(files)) zip.file(name, data);
      const file = join(folder('input'), 'text.docx');
      writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      return file;
    };
    const refused = async (file: string) => {
      const content = folder('content');
      const message = await refusal(runImport(request(file, content)));
      expect(message).not.toContain('\n');
      expect(message).not.toMatch(/\bat \w+ \(|node_modules/);
      expect(tree(content)).toEqual({});
      return message;
    };

    it('not a zip archive', async () => {
      const file = join(folder('input'), 'text.docx');
      writeFileSync(file, 'this is not a Word file');
      expect(await refused(file)).toBe(
        `${file}: is not a Word .docx file (it is not a zip archive); save it again as .docx, or give the text`,
      );
    });

    it('a zip that is no Word document', async () => {
      const file = await docx({ 'readme.txt': 'hello' });
      expect(await refused(file)).toBe(
        `${file}: is a zip archive but not a Word document (it has no word/document.xml)`,
      );
    });

    it('a zip bomb: a small file that expands past the limit', async () => {
      const file = await docx({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) });
      expect(readFileSync(file).byteLength).toBeLessThan(1024 * 1024);
      expect(await refused(file)).toMatch(
        /: expands to more than 50 MB of text: it is not a disclosure \(a zip bomb\?\)$/,
      );
    });

    it('XML entities (XXE)', async () => {
      const file = await docx({
        'word/document.xml':
          '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>',
      });
      expect(await refused(file)).toBe(
        `${file}: declares XML entities in word/document.xml (<!DOCTYPE>), which a Word file never does; refused`,
      );
    });
  });
});

// Each test imports 30 or 400 projects several times and runs the command line five or three
// times: under 20 s alone, past two minutes beside eight busy processes (measured 2026-12-07).
describe('an import killed while it commits', { timeout: 400_000 }, () => {
  // Node with tsx's loader, one process (tsx's own CLI runs the script in a child, which a kill would miss).
  const tsx = ['--import', 'tsx'];
  const node = (args: string[], options: { timeout?: number } = {}) =>
    spawnSync(
      options.timeout ? 'timeout' : process.execPath,
      [
        ...(options.timeout ? ['-s', 'KILL', String(options.timeout), process.execPath] : []),
        ...tsx,
        ...args,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
  const crash = join(ROOT, 'tests/support/crash-import.ts');
  /**
   * An old publication of four projects, and a corrected text of four others to replace it with
   * --force. The commit renames the same five times whatever the number of projects, and each
   * round's run starts a process and imports the text: thirty projects made the test 16.7 s alone,
   * four 12.8 s (2026-12-07).
   */
  const old = folder('old');
  const oldFile = templateFile(4, 1);
  const newFile = templateFile(4, 2);

  it('is finished or undone by the next run, never left half: at every rename of its commit', async () => {
    await runImport(request(oldFile, old));
    const oldTree = tree(old);
    const finished = folder('finished');
    writeTree(finished, oldTree);
    await runImport(request(newFile, finished, { force: true }));
    const newTree = tree(finished);
    // Renames of the commit: the journal, then each target aside and its replacement in (folder, source).
    for (let n = 1; n <= 5; n++) {
      const content = folder(`crash-${n}`);
      writeTree(content, oldTree);
      const run = node([crash, content, newFile, 'synth-edu', String(n)]);
      expect(run.signal, `rename ${n}: ${run.stdout}${run.stderr}`).toBe('SIGKILL');
      const interrupted = await checkContent(content);
      if (n === 1) {
        // Killed before the journal existed: the content was never touched.
        expect(interrupted.problems).toEqual([]);
      } else {
        expect(interrupted.problems.map((p) => p.message)).toContain(
          'an import was stopped while it wrote into the content folder; run `npm run import -- --recover` to finish it',
        );
      }
      // The next run finishes it (or drops it), whatever it imports; here it only recovers. The
      // command line's --recover is run once, at the first rename; the others recover in process.
      if (n === 1) {
        const recover = node(['scripts/import.ts', '--recover', '--content', content]);
        expect(recover.status, recover.stderr).toBe(0);
      } else recoverContent(content);
      const after = tree(content);
      const expected = n === 1 ? oldTree : newTree;
      // publication.yaml records the day of the import, the same in both runs here.
      expect(after, `killed at rename ${n}`).toEqual(expected);
      expect((await checkContent(content)).problems).toEqual([]);
    }
  });

  it('with kill -9 from outside at any moment of a forced re-import of 400 projects, is all old or all new', async () => {
    const beforeFile = join(folder('input'), 'before.txt');
    const afterFile = join(folder('input'), 'after.txt');
    writeFileSync(beforeFile, generateTemplate({ count: 400, seed: 3 }).text);
    writeFileSync(afterFile, generateTemplate({ count: 400, seed: 4 }).text);
    // The folder as the import leaves it before, and as the forced re-import leaves it after (the CLI dates it today).
    const today = formatIsoDate(new Date());
    const reference = folder('reference');
    await runImport(request(beforeFile, reference, { today }));
    const oldTree = tree(reference);
    await runImport(request(afterFile, reference, { today, force: true }));
    const newTree = tree(reference);
    // The folder the runs below replace, as the first import left the reference (importing it again costs seconds).
    const content = folder('big');
    writeTree(content, oldTree);
    let outcomes = '';
    // Early (reading and checking) and late (staging and committing) in a run of about 3 s.
    for (const delay of [0.6, 2.2]) {
      const child = node(
        [
          'scripts/import.ts',
          afterFile,
          '--department-slug',
          'synth-edu',
          '--content',
          content,
          '--force',
        ],
        { timeout: delay },
      );
      // Killed, or finished first: either way the next run leaves one whole publication.
      const killed = child.signal === 'SIGKILL' || child.status === 137;
      expect(killed || child.status === 0, `${child.stdout}${child.stderr}`).toBe(true);
      recoverContent(content);
      const after = tree(content);
      const whole = isDeepStrictEqual(after, oldTree)
        ? 'old'
        : isDeepStrictEqual(after, newTree)
          ? 'new'
          : 'mixed';
      const differs = (other: Record<string, string>) =>
        [...new Set([...Object.keys(after), ...Object.keys(other)])].filter(
          (k) => after[k] !== other[k],
        );
      outcomes += `${delay} s: ${killed ? 'killed' : 'finished'}, ${whole}${whole === 'mixed' ? ` (${differs(oldTree).length} files differ from the old, ${differs(newTree).slice(0, 5).join(' ')} from the new)` : ''}; `;
      // Whole means every file and folder as one of the two imports left them, and the check of
      // what an import leaves is its own test ("imports a publication whole"): checking these
      // 400 projects again here took 4 s a round and could find nothing more.
      expect(whole, outcomes).not.toBe('mixed');
      // Back to the old publication for the next round.
      if (whole === 'new') writeTree(content, oldTree);
    }
  });
});

describe('the command line', { timeout: 60_000 }, () => {
  const command = (args: string[], wrap: string[] = []) =>
    spawnSync(
      wrap[0] ?? process.execPath,
      [
        ...wrap.slice(1),
        ...(wrap.length ? [process.execPath] : []),
        '--import',
        'tsx',
        'scripts/import.ts',
        ...args,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );

  it('prints its usage with --help', () => {
    const help = command(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(
      /^usage: npm run import -- <file> --department-slug <slug> \[options\]/,
    );
    for (const option of ['--force', '--dry-run', '--recover', '--slugs', '--content'])
      expect(help.stdout).toContain(option);
    for (const format of ['PDF', '.docx', '.doc', '.wps', 'GBK', '.html'])
      expect(help.stdout).toContain(format);
  });

  it('prints, in a dry run of a PDF, the files, projects, amounts, markers and warnings, and writes nothing', () => {
    const content = folder('dry-run-pdf');
    const run = command([
      join(ROOT, 'tests/fixtures/formats/bureau.pdf'),
      '--department-slug',
      'hecheng-cgj',
      '--content',
      content,
      '--dry-run',
    ]);
    expect(run.status, run.stderr).toBe(0);
    for (const line of [
      'dry run: nothing was written.',
      '  hecheng-cgj/2021/publication.yaml',
      '  sources/hecheng-cgj-2021-key-projects.zh.pdf',
      '  sources/hecheng-cgj-2021-key-projects.zh.txt',
      '  preface: 1 paragraph(s)',
      '1523.68万元 (15236800 yuan); period 2021年4月至2022年8月; withheld: nothing',
      '460万元 (4600000 yuan); period 2021年度; withheld: #basis (an item), #feasibility, #approach, #method, #content, #scale',
      '  signature: 合成市城市管理综合执法局, 2021年3月15日 (2021-03-15)',
    ])
      expect(run.stdout).toContain(line);
    expect(tree(content)).toEqual({});
  });

  it('lets one of two imports started at once write, and refuses the other', async () => {
    const content = folder('concurrent');
    const file = templateFile(40);
    const start = () =>
      new Promise<{ status: number | null; output: string }>((done) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'scripts/import.ts',
            file,
            '--department-slug',
            'synth-edu',
            '--content',
            content,
          ],
          { cwd: ROOT },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (status) => done({ status, output }));
      });
    const results = await Promise.all([start(), start()]);
    expect(results.map((r) => r.status).sort(), results.map((r) => r.output).join('\n')).toEqual([
      0, 1,
    ]);
    const refused = results.find((r) => r.status === 1)!.output;
    expect(refused).toMatch(/another import \(process \d+\) is writing into|These exist already/);
    expect((await checkContent(content)).problems).toEqual([]);
  });

  const canMount =
    spawnSync(
      'unshare',
      [
        '-rm',
        'sh',
        '-c',
        'd=$(mktemp -d) && mount --bind "$d" "$d" && mount -o remount,bind,ro "$d"',
      ],
      {
        stdio: 'ignore',
      },
    ).status === 0;
  it.skipIf(!canMount)(
    'says in one line that a read-only content folder cannot be written, and writes nothing',
    () => {
      const content = folder('read-only');
      writeFileSync(join(content, 'keep.txt'), 'as it was');
      const file = templateFile(2);
      const script = `mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"`;
      const run = command(
        ['--department-slug', 'synth-edu', '--content', content, file],
        ['unshare', '-rm', 'sh', '-c', script, 'sh', content],
      );
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toBe(
        `cannot write into the content folder ${content}: the folder is on a read-only disk (${content}/.import.lock)\nNothing was written.\n`,
      );
      expect(tree(content)).toEqual({ 'keep.txt': Buffer.from('as it was').toString('base64') });
    },
  );
});
