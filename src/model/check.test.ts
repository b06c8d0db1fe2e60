import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatReport } from './check';
import type { Problem } from './problems';

const ROOT = join(import.meta.dirname, '../..');
const ZH = 'content/ruili-psb/2020/zh/case-property-centre.md';
const EN = 'content/ruili-psb/2020/en/case-property-centre.md';
const FACE_ZH = 'content/ruili-psb/2020/zh/face-recognition-system.md';
const HANDLING_ZH = 'content/ruili-psb/2020/zh/case-handling-centre.md';
const HANDLING_EN = 'content/ruili-psb/2020/en/case-handling-centre.md';
const PUBLICATION = 'content/ruili-psb/2020/publication.yaml';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real content in which a test may break files. */
function copy(): { root: string; edit: (file: string, change: (text: string) => string) => void; write: (file: string, bytes: string | Buffer) => void } {
  const root = mkdtempSync(join(tmpdir(), 'check-'));
  dirs.push(root);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  return {
    root,
    edit: (file, change) => {
      const before = readFileSync(join(root, file), 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${file} changed nothing`);
      writeFileSync(join(root, file), after);
    },
    write: (file, bytes) => writeFileSync(join(root, file), bytes),
  };
}

const problemsIn = (root: string) => checkContent(root).problems;
const one = (problems: Problem[]) => {
  expect(problems, formatReport(problems)).toHaveLength(1);
  return problems[0]!;
};

describe('checkContent on the real content', () => {
  it('finds nothing wrong', () => {
    const { problems, model } = checkContent(ROOT);
    expect(problems).toEqual([]);
    expect(model?.projects).toHaveLength(3);
  });
});

describe('a clear error, with file, line and field, for every mistake an editor can make', () => {
  it.each([
    ['a missing required field', ZH, (t: string) => t.replace(/^name: .*\n/m, ''), { line: 2, path: 'name', message: /is required/ }],
    ['a wrong type', ZH, (t: string) => t.replace('order: 1', 'order: first'), { line: 3, path: 'order', message: /whole number/ }],
    ['a negative amount', ZH, (t: string) => t.replace('amountYuan: 7000000\n  published', 'amountYuan: -7000000\n  published'), { line: 16, path: 'funding.amountYuan', message: /more than zero/ }],
    ['a zero amount', ZH, (t: string) => t.replace('amountYuan: 7000000\n  published', 'amountYuan: 0\n  published'), { line: 16, path: 'funding.amountYuan', message: /more than zero/ }],
    ['a non-numeric amount', ZH, (t: string) => t.replace('amountYuan: 7000000\n  published', 'amountYuan: seven million\n  published'), { line: 16, path: 'funding.amountYuan', message: /must be a number of yuan.*found "seven million"/ }],
    ['an amount more precise than one yuan', ZH, (t: string) => t.replace('amountYuan: 7000000\n  published', 'amountYuan: 7000000.5\n  published'), { line: 16, path: 'funding.amountYuan', message: /whole number of yuan/ }],
    ['万 written inside a numeric field', ZH, (t: string) => t.replace('amountYuan: 7000000\n  published', 'amountYuan: 700万\n  published'), { line: 16, path: 'funding.amountYuan', message: /found "700万"/ }],
    ['an unknown withheld reason', ZH, (t: string) => t.replace(/implementingUnit:\n(  .*\n)+/, 'implementingUnit:\n  withheld: secret\n'), { path: 'implementingUnit.withheld', message: /unknown withheld reason "secret"; known reasons: classified/ }],
    ['a withheld frontmatter section that has text', ZH, (t: string) => t.replace(/implementingUnit:\n/, 'implementingUnit:\n  withheld: classified\n'), { path: 'implementingUnit', message: /must hold nothing but its reason/ }],
    ['an invalid year', PUBLICATION, (t: string) => t.replace('fiscalYear: 2020', 'fiscalYear: 20200'), { line: 5, path: 'fiscalYear', message: /four-digit year/ }],
    ['a YAML syntax error', ZH, (t: string) => t.replace('order: 1', 'order: [1'), { message: /YAML syntax error/ }],
    ['raw HTML in Markdown', ZH, (t: string) => `${t}\n<script>alert(1)</script>\n`, { message: /raw HTML is not allowed/ }],
    ['an event-handler attribute', ZH, (t: string) => `${t}\n<img src=x onerror=alert(1)>\n`, { message: /raw HTML is not allowed/ }],
    ['a javascript: link', ZH, (t: string) => `${t}\n[x](javascript:alert(1))\n`, { message: /is not allowed: use http\(s\), mailto or a relative address/ }],
  ] as const)('%s', (_, file, change, expected) => {
    const content = copy();
    content.edit(file, change);
    const problem = one(problemsIn(content.root));
    expect(problem.file).toBe(file);
    expect(problem.message).toMatch(expected.message);
    if ('path' in expected) expect(problem.path).toBe(expected.path);
    if ('line' in expected) expect(problem.line).toBe(expected.line);
    else expect(problem.line).toBeGreaterThan(0);
  });

  it('a withheld directive that has text (the leak guard), with its line', () => {
    const content = copy();
    content.edit(HANDLING_ZH, (t) => t.replace('::withheld{reason=classified}\n\n### （2）', ':::withheld{reason=classified}\n项目可行性研究报告\n:::\n\n### （2）'));
    const problem = one(problemsIn(content.root));
    expect(problem.file).toBe(HANDLING_ZH);
    expect(problem.message).toMatch(/#feasibility: a withheld directive must be empty/);
    expect(problem.line).toBe(30);
  });

  it('an unknown key (a typo), with the field it probably meant', () => {
    const content = copy();
    content.edit(ZH, (t) => t.replace('funding:', 'fundng:'));
    const problems = problemsIn(content.root);
    expect(problems.map((p) => [p.file, p.line, p.path, p.message])).toEqual([
      [ZH, 2, 'funding', 'is required'],
      [ZH, 15, 'fundng', 'unknown field "fundng"; did you mean "funding"?'],
    ]);
  });

  it('a duplicate slug and a duplicate order, both reported', () => {
    const content = copy();
    content.edit(FACE_ZH, (t) => t.replace('slug: face-recognition-system', 'slug: case-property-centre').replace('order: 3', 'order: 1'));
    const problems = problemsIn(content.root).map((p) => `${p.file} ${p.path}: ${p.message}`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/slug: .*case-property-centre.* (used|twice|also)/), expect.stringMatching(/order: .*1/)]));
  });

  it('a missing translation', () => {
    const content = copy();
    rmSync(join(content.root, EN));
    const problem = one(problemsIn(content.root));
    expect([problem.file, problem.message]).toEqual([ZH, expect.stringMatching(/no English translation/)]);
  });

  it('mismatched sections between languages', () => {
    const content = copy();
    content.edit(HANDLING_EN, (t) => t.replace('{#approach}', '{#overall-approach}'));
    const problems = problemsIn(content.root);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === HANDLING_EN || p.file === HANDLING_ZH)).toBe(true);
    expect(formatReport(problems)).toMatch(/#approach/);
  });

  it('a file that is not UTF-8', () => {
    const content = copy();
    content.write(ZH, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    const problem = one(problemsIn(content.root));
    expect([problem.file, problem.message]).toEqual([ZH, 'file is not UTF-8 text; save it as UTF-8']);
  });

  it('an empty file', () => {
    const content = copy();
    content.write(ZH, '');
    const problem = one(problemsIn(content.root));
    expect([problem.file, problem.message]).toEqual([ZH, 'file is empty']);
  });

  it('reports every problem in every file at once', () => {
    const content = copy();
    content.edit(ZH, (t) => t.replace('order: 1', 'order: first').replace('funding:', 'fundng:'));
    content.edit(PUBLICATION, (t) => t.replace('fiscalYear: 2020', 'fiscalYear: 20200'));
    const problems = problemsIn(content.root);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set([ZH, PUBLICATION]));
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['order', 'fundng', 'fiscalYear']));
  });

  it('accepts and normalises a BOM and CRLF line endings', () => {
    const content = copy();
    content.edit(ZH, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    content.edit(EN, (t) => t.replace(/\n/g, '\r\n'));
    expect(problemsIn(content.root)).toEqual([]);
  });
});

describe('npm run check', () => {
  const run = (root: string) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/check.ts'), root], { encoding: 'utf8' });

  it('exits 0 and says so when the content is good', () => {
    const result = run(ROOT);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content OK: 1 publication(s), 3 project(s)');
  });

  it('exits non-zero with a report grouped by file, naming line and field', () => {
    const content = copy();
    content.edit(ZH, (t) => t.replace('amountYuan: 7000000\n  published', 'amountYuan: 700万\n  published'));
    const result = run(content.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 problem in 1 file:');
    expect(result.stderr).toContain(`${ZH}\n  line 16, funding.amountYuan: must be a number of yuan`);
  });
});
