import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../check/check';
import { ContentFixture } from '../generate/fixture';
import { exportXliff, importXliff } from './translate';

const fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

/** Three generated projects, the third with no translator's file (pending); with `all`, none has one. */
function pendingFixture(all = false) {
  const made = new ContentFixture({ count: 3, perPublication: 3, withheldShare: 0 });
  fixtures.push(made);
  const zh = made.find(/\/zh\//);
  const pending = zh[2]!;
  for (const [i, file] of (all ? zh : [pending]).entries()) {
    rmSync(join(made.dir, file.replace('/zh/', '/en/')));
    const order = all ? i + 1 : 3;
    made.edit(file, (t) =>
      t.replace(new RegExp(`^order: ${order}$`, 'm'), `order: ${order}\ntranslation: pending`),
    );
  }
  if (all) rmSync(join(made.dir, dirname(pending.replace('/zh/', '/en/'))), { recursive: true });
  const key = pending.replace('/zh/', '/').replace(/\.md$/, '');
  return { made, pending, key, publication: key.split('/').slice(0, 2).join('/') };
}

/** The target of one unit of one project, replaced as a CAT tool would write it. */
function editUnit(xml: string, project: string, unit: string, target: string, state: string) {
  const file = xml.indexOf(`original="${project}"`);
  const start = xml.indexOf(`<trans-unit id="${unit}">`, file);
  const from = xml.indexOf('<target', start);
  const to = xml.indexOf('</target>', from);
  expect(file >= 0 && start >= 0).toBe(true);
  return `${xml.slice(0, from)}<target state="${state}">${target}${xml.slice(to)}`;
}

describe('npm run translate', () => {
  it('exports one unit per passage, readable by translate-toolkit, with the English the site has and its state', () => {
    const { made, key, publication } = pendingFixture();
    const { xml, units } = exportXliff(made.dir, publication, '/');
    expect(units).toBeGreaterThan(0);
    const path = join(made.dir, 'out.xlf');
    writeFileSync(path, xml);
    // Debian's translate-toolkit, as a translator's tool reads it: it counts the same units.
    const counted = execFileSync('pocount', ['--csv', path], { encoding: 'utf8' });
    // Columns: file, translated, …, untranslated messages, untranslated words, total messages, ….
    const row = counted.trim().split('\n').at(-1)!.split(',');
    expect(Number(row[8])).toBe(units);
    // And xliff2po turns it into a PO file that has every unit's source.
    const po = join(made.dir, 'out.po');
    execFileSync('xliff2po', ['-i', path, '-o', po], { stdio: 'pipe' });
    const catalogue = readFileSync(po, 'utf8').replace(/"\n"/g, '');
    for (const [, source] of xml.matchAll(/<source>([^<]*)<\/source>/gu))
      expect(catalogue).toContain(source!.replace(/"/g, '\\"'));
    // The pending project's funding sentence is English by rule, offered for review.
    const section = xml.slice(xml.indexOf(`original="${key}"`));
    expect(section).toMatch(
      /<trans-unit id="funding-p1">[\s\S]*?<target state="translated">This year’s budget allocation is CNY/u,
    );
    expect(xml).toMatch(/state="needs-translation"|state="final"/u);
  });

  it.each([
    ['beside translated projects', false],
    ['in a publication with no translation yet (no en/ folder)', true],
  ])(
    'imports a translator’s units into en/*.md %s, refuses a unit whose numbers differ, and writes nothing then',
    async (_, all) => {
      const { made, pending, key, publication } = pendingFixture(all);
      const { xml } = exportXliff(made.dir, publication, '/');
      const enFile = join(made.dir, pending.replace('/zh/', '/en/'));
      const bad = editUnit(
        xml,
        key,
        'funding-p1',
        'This year’s budget allocation is CNY 1 million;',
        'final',
      );
      const refused = await importXliff(made.dir, bad, '/');
      expect(refused.written).toEqual([]);
      expect(refused.problems.join('\n')).toMatch(
        new RegExp(`${key}#funding-p1: source "[^"]+"; the target lacks`),
      );
      expect(existsSync(enFile)).toBe(false);

      const good = editUnit(xml, key, 'name-p1', 'A Project Named by Its Translator', 'translated');
      const outcome = await importXliff(made.dir, good, '/');
      expect(outcome.problems).toEqual([]);
      expect(readFileSync(enFile, 'utf8')).toContain('name: A Project Named by Its Translator');
      expect(readFileSync(join(made.dir, pending), 'utf8')).not.toContain('translation: pending');
      const { problems, model } = await checkContent(made.dir);
      expect(problems).toEqual([]);
      const project = model!.projects.find((p) => p.key.endsWith(key.split('/').at(-1)!))!;
      expect(project.english.passages.find((p) => p.anchor === 'name-p1')?.by).toBe('translator');
      expect(project.english.counts.rule).toBeGreaterThan(0);
    },
  );
});

/** A copy of the example content (facts about the example live in tests on a copy of it). */
function copyExample(): { dir: string; publication: string; year: string } {
  const dir = mkdtempSync(join(tmpdir(), 'translate-example-'));
  cpSync(join(process.cwd(), 'tests/fixtures/example'), dir, { recursive: true });
  const publication = readdirSync(dir).find((d) => d !== 'sources' && !d.includes('.'))!;
  return { dir, publication, year: readdirSync(join(dir, publication))[0]! };
}

describe('npm run translate on a copy of the example', () => {
  it('offers the headings no rule translates, and writes a translator’s heading back with its id', async () => {
    const { dir, publication, year } = copyExample();
    try {
      const zhDir = join(dir, publication, year, 'zh');
      // The project with headings of its own (### under 项目实施内容) loses its translation.
      const slug = readdirSync(zhDir)
        .map((f) => f.replace(/\.md$/, ''))
        .find((s) => /\{#content-/u.test(readFileSync(join(zhDir, `${s}.md`), 'utf8')))!;
      rmSync(join(dir, publication, year, 'en', `${slug}.md`));
      const zhFile = join(zhDir, `${slug}.md`);
      writeFileSync(
        zhFile,
        readFileSync(zhFile, 'utf8').replace(/^(order: \d+)$/m, '$1\ntranslation: pending'),
      );
      const { xml } = exportXliff(dir, `${publication}/${year}`, '/');
      const key = `${publication}/${year}/${slug}`;
      const project = xml.slice(xml.indexOf(`original="${key}"`));
      const heading =
        /<trans-unit id="(content-[a-z-]+)">\s*<source>([^<]+)<\/source>\s*<target state="needs-translation">/u.exec(
          project,
        );
      expect(heading).not.toBeNull();
      const [, id, source] = heading!;
      const edited = editUnit(xml, key, id!, '(1) A heading by a translator', 'translated');
      const outcome = await importXliff(dir, edited, '/');
      expect(outcome.problems).toEqual([]);
      const en = readFileSync(join(dir, publication, year, 'en', `${slug}.md`), 'utf8');
      expect(en).toContain(`### (1) A heading by a translator {#${id!}}`);
      expect(en).not.toContain(source!);
      const { problems } = await checkContent(dir);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run translate into a translator’s own file', () => {
  it('changes only the units the translator changed, keeping editor’s notes and every other line', async () => {
    const { dir, publication, year } = copyExample();
    try {
      const enDir = join(dir, publication, year, 'en');
      // A translated project with an editor's note.
      const slug = readdirSync(enDir)
        .map((f) => f.replace(/\.md$/, ''))
        .find((s) => readFileSync(join(enDir, `${s}.md`), 'utf8').includes(':::editor-note'))!;
      const before = readFileSync(join(enDir, `${slug}.md`), 'utf8');
      const { xml } = exportXliff(dir, `${publication}/${year}`, '/');
      const key = `${publication}/${year}/${slug}`;
      const project = xml.slice(xml.indexOf(`original="${key}"`));
      // The outcomes' first passage, refined by the translator (its numbers kept).
      const unit =
        /<trans-unit id="(outcomes-p1)">\s*<source>[^<]+<\/source>\s*<target state="final">([^<]+)<\/target>/u.exec(
          project,
        )!;
      const refined = `${unit[2]!.replace(/\.$/u, '')} (refined).`;
      const outcome = await importXliff(dir, editUnit(xml, key, unit[1]!, refined, 'final'), '/');
      expect(outcome.problems).toEqual([]);
      expect(outcome.written).toEqual([`${publication}/${year}/en/${slug}.md`]);
      const after = readFileSync(join(enDir, `${slug}.md`), 'utf8');
      const changed = (a: string, b: string) =>
        a.split('\n').filter((line) => !b.split('\n').includes(line));
      expect(changed(after, before)).toEqual([refined]);
      expect(changed(before, after)).toEqual([unit[2]!]);
      expect(after).toContain(':::editor-note');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
