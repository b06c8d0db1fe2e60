import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/check/check';
import { VersionRecordSchema } from '../../src/data/record-schemas';
import { generateContent } from '../../src/generate/synthetic';
import { generateTemplate } from '../../src/generate/template';
import { ImportFailure, runImport } from '../../src/importer/run';
import { astroBuild } from '../support/astro';
import { ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';
import { treeHashes } from '../support/tree';

/**
 * A corrected text imported as the next version (npm run import -- --revise),
 * on a generated publication of four projects, two of them translated: an
 * amount changed and a sentence reworded (p001), a section withheld after the
 * fact (p002), a section disclosed after the fact (p003), one unchanged
 * (p004). Then the site is built, and what it publishes is read.
 */
const SLUGS = ['p001', 'p002', 'p003', 'p004'];
const SEED = 11;
/** Words that only the first version says, in the section the second withholds. */
const WITHHELD_LATER = '该中心现有库房建于二〇〇九年，漏雨返潮三十七处。';
const REWORDED = {
  before: '先建培训楼，再配设备，年底前完工。',
  after: '先建培训楼，再配教学设备，年底前完工。',
};
const DISCLOSED_LATER = '新建便民服务站三处，每处一百二十平方米。';
const NOTE = '更正资金安排金额';

/** The generated text, one project's line after `heading` replaced. */
function replaceAfter(lines: string[], project: number, heading: string, text: string): void {
  let seen = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (/^1、项目名称$/.test(lines[i]!)) seen += 1;
    if (seen === project && lines[i] === heading) {
      lines[i + 1] = text;
      return;
    }
  }
  throw new Error(`no ${heading} in project ${project}`);
}

describe('a corrected text, imported as the next version', () => {
  const sandbox = new Sandbox();
  const content = join(sandbox.dir, 'content');
  const dist = join(sandbox.dir, 'out');
  const input = join(sandbox.dir, 'input');
  let review: string[] = [];
  let built: ReturnType<typeof astroBuild>;
  let amount: { before: string; after: string };

  beforeAll(async () => {
    rmSync(content, { recursive: true });
    mkdirSync(join(content, 'sources'), { recursive: true });
    mkdirSync(input);
    // Translations of p001 and p002, as a translator wrote them for the first version.
    const generated = generateContent({ count: 4, seed: SEED, perPublication: 4, years: 1 });
    mkdirSync(join(content, 'synth-edu/2025/en'), { recursive: true });
    for (const slug of ['p001', 'p002'])
      writeFileSync(
        join(content, `synth-edu/2025/en/${slug}.md`),
        generated.get(`synth-edu/2025/en/${slug}.md`)!,
      );

    const lines = generateTemplate({ count: 4, seed: SEED }).text.split('\n');
    replaceAfter(lines, 1, '（二）、总体思路', REWORDED.before);
    replaceAfter(lines, 2, '（一）、项目可行性', WITHHELD_LATER);
    replaceAfter(lines, 3, '（一）、建设规模', '涉密不宜公开');
    const funding = lines.findIndex((l) => l.startsWith('本年度预算安排为'));
    const published = /为(.+?万元)/.exec(lines[funding]!)![1]!;
    amount = { before: published, after: `${(Number.parseFloat(published) + 100).toFixed(2)}万元` };
    writeFileSync(join(input, 'v1.txt'), lines.join('\n'));
    const request = (file: string, more = {}) => ({
      file: join(input, file),
      departmentSlug: 'synth-edu',
      contentDir: content,
      slugs: SLUGS,
      force: false,
      dryRun: false,
      today: '2026-11-30',
      ...more,
    });
    await runImport({ ...request('v1.txt'), today: '2026-11-01' });
    // A person's refinement of a section the correction leaves alone.
    sandbox.edit('content/synth-edu/2025/zh/p001.md', (text) =>
      text.replace(
        '## 项目实施成效 {#outcomes}\n',
        '## 项目实施成效 {#outcomes}\n\n:::editor-note\n本节原文如此。\n:::\n',
      ),
    );

    const corrected = [...lines];
    lines.forEach((line, i) => {
      if (i === funding) corrected[i] = line.replace(amount.before, amount.after);
    });
    replaceAfter(corrected, 1, '（二）、总体思路', REWORDED.after);
    replaceAfter(corrected, 2, '（一）、项目可行性', '涉密不宜公开');
    replaceAfter(corrected, 3, '（一）、建设规模', DISCLOSED_LATER);
    writeFileSync(join(input, 'v2.txt'), corrected.join('\n'));
    const { slugs: _, ...revision } = request('v2.txt', { revise: true, note: NOTE });
    review = (await runImport(revision)).notices;

    built = astroBuild(dist, { cwd: sandbox.dir, env: { SITE_URL: TEST_SITE, BASE_PATH: '' } });
  }, 300_000);
  afterAll(() => sandbox.remove());

  const page = (path: string) => cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));
  const record = (slug: string) =>
    (
      JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
        projects: {
          slug: string;
          version: number;
          revisions: { version: number; note: string; sections: unknown[]; figures: unknown[] }[];
          earlierVersions: string[];
        }[];
      }
    ).projects.find((p) => p.slug === slug)!;

  it('builds, with every page audited', () => {
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(/output audit: 4 projects in both languages and every data file/);
  });

  it('keeps the history in the content: versions in publication.yaml, every original, the earlier zh files', () => {
    const publication = parse(
      readFileSync(join(content, 'synth-edu/2025/publication.yaml'), 'utf8'),
    ) as {
      source: { file: string };
      versions: { version: number; imported?: string; note?: string; source: { file: string } }[];
    };
    expect(publication.versions.map((v) => [v.version, v.imported, v.note])).toEqual([
      [1, undefined, undefined],
      [2, '2026-11-30', NOTE],
    ]);
    expect(publication.source.file).toBe(publication.versions[1]!.source.file);
    for (const version of publication.versions)
      expect(existsSync(join(content, 'sources', version.source.file))).toBe(true);
    expect(
      readFileSync(join(content, 'sources', publication.versions[0]!.source.file), 'utf8'),
    ).toBe(readFileSync(join(input, 'v1.txt'), 'utf8'));
    expect(readdirSync(join(content, 'synth-edu/2025/versions/1/zh')).sort()).toEqual(
      SLUGS.map((s) => `${s}.md`),
    );
    // Both originals are offered for download.
    for (const version of publication.versions)
      expect(existsSync(join(dist, 'sources', version.source.file))).toBe(true);
  });

  it('keeps a person’s refinements where the text did not change, and lists what was imported again', () => {
    expect(readFileSync(join(content, 'synth-edu/2025/zh/p001.md'), 'utf8')).toContain(
      ':::editor-note\n本节原文如此。\n:::',
    );
    expect(review).toContain(
      'p001: imported again from the new text, for review: funding, #approach, #funding',
    );
    expect(review.some((line) => line.startsWith('p004'))).toBe(false);
  });

  it('shows a changed project’s notice and history: the figure and the words that changed', () => {
    const $ = page('synth-edu/2025/p001');
    expect($('.revision-notice').text()).toContain(`修订于2026-11-30（第2版）`);
    expect($('.revision-notice').text()).toContain(NOTE);
    expect($('#revisions [data-figure="funding"] del').text()).toBe(amount.before);
    expect($('#revisions [data-figure="funding"] ins').text()).toBe(amount.after);
    const approach = $('#revisions [data-section="approach"][data-change="changed"] .diff');
    expect(approach.find('ins').text()).toBe('教学');
    expect(approach.text()).toBe(REWORDED.after);
    const en = page('en/synth-edu/2025/p001');
    expect(en('.revision-notice').text()).toContain('Revised on 2026-11-30 (version 2)');
  });

  it('reports a section withheld in a later version without its earlier text, which appears nowhere in the output but the kept original', () => {
    const $ = page('synth-edu/2025/p002');
    const entry = $('#revisions [data-section="feasibility"]');
    expect(entry.attr('data-change')).toBe('withheld');
    expect(entry.text()).toContain('自第2版起不予公开');
    expect(entry.find('.diff').length).toBe(0);
    expect($('.heading-group:has(#feasibility) + [data-withheld]').length).toBe(1);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const bytes = readFileSync(full);
          // Pagefind's fragments and index are gzip.
          const text = (
            bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
          ).toString('utf8');
          if (text.includes(WITHHELD_LATER) || text.includes('漏雨返潮'))
            found.push(relative(dist, full));
        }
      }
    };
    walk(dist);
    // The first version's original, which stays downloadable, is the one place it is.
    expect(found).toEqual([
      expect.stringMatching(/^sources\/synth-edu-2025-key-projects\.zh\.txt$/),
    ]);
    const earlier = VersionRecordSchema.parse(
      JSON.parse(readFileSync(join(dist, 'data/synth-edu/2025/p002.v1.json'), 'utf8')),
    );
    const feasibility = earlier.sections.find((s) => s.id === 'feasibility')!;
    expect(feasibility.text).toBeNull();
    expect(feasibility.withheld).toEqual(expect.objectContaining({ withheld: 'classified' }));
  });

  it('shows a section disclosed in a later version as inserted', () => {
    const entry = page('synth-edu/2025/p003')('#revisions [data-section="scale"]');
    expect(entry.attr('data-change')).toBe('disclosed');
    expect(entry.find('.diff ins').text()).toBe(DISCLOSED_LATER);
  });

  it('shows nothing on an unchanged project', () => {
    const $ = page('synth-edu/2025/p004');
    expect($('.revision-notice').length).toBe(0);
    expect($('#revisions').length).toBe(0);
    expect(record('p004').revisions).toEqual([]);
  });

  it('gives each record its version and revisions, and keeps earlier versions’ records at stable URLs', () => {
    const p001 = record('p001');
    expect(p001.version).toBe(2);
    expect(p001.revisions).toEqual([
      expect.objectContaining({
        version: 2,
        note: NOTE,
        figures: [{ field: 'funding', from: amount.before, to: amount.after }],
      }),
    ]);
    expect(p001.earlierVersions).toEqual([`${TEST_SITE}/data/synth-edu/2025/p001.v1.json`]);
    const v1 = VersionRecordSchema.parse(
      JSON.parse(readFileSync(join(dist, 'data/synth-edu/2025/p001.v1.json'), 'utf8')),
    );
    expect(v1.amount).toEqual(expect.objectContaining({ published: amount.before }));
    const csv = readFileSync(join(dist, 'data/disclosures.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/,version,revised_on\r?$/);
  });

  it('lists every revision at /changes/ and /en/changes/, and in Atom feeds that parse', () => {
    for (const [path, feed] of [
      ['changes', 'changes.xml'],
      ['en/changes', 'en/changes.xml'],
    ] as const) {
      const $ = page(path);
      expect($('#synth-edu-2025-v2 .change-project').length).toBe(3);
      const xml = new XMLParser({ ignoreAttributes: false }).parse(
        readFileSync(join(dist, feed), 'utf8'),
      ) as { feed: { '@_xmlns': string; entry: { id: string; updated: string } } };
      expect(xml.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(xml.feed.entry.id).toBe(`${TEST_SITE}/${path}/#synth-edu-2025-v2`);
      expect(xml.feed.entry.updated).toBe('2026-11-30T00:00:00.000Z');
    }
  });

  it('keeps a translation of a changed project, marked as made for version 1, withholding what the Chinese now withholds', async () => {
    const en = (slug: string) =>
      readFileSync(join(content, `synth-edu/2025/en/${slug}.md`), 'utf8');
    expect(en('p001')).toMatch(/^translationOf: 1$/m);
    expect(en('p002')).toMatch(/^translationOf: 1$/m);
    expect(en('p002')).toMatch(/\{#feasibility\}\n\n::withheld\{reason="classified"\}\n\n/);
    const $ = page('en/synth-edu/2025/p001');
    expect($('.translation-outdated[data-translation-of="1"]').text()).toContain(
      'This English text translates version 1 of the Chinese original',
    );
    expect($('.translation-outdated a').attr('href')).toBe('/synth-edu/2025/p001/#revisions');
    const { outdated } = await checkContent(content);
    expect(outdated.map((o) => o.file).sort()).toEqual([
      'content/synth-edu/2025/en/p001.md',
      'content/synth-edu/2025/en/p002.md',
    ]);
    const check = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check.ts')],
      {
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: content },
      },
    );
    expect(check.stdout).toContain('2 translation(s) of an earlier version of a revised text');
  });

  it('indexes the current version only', () => {
    // Every part of the index (by fiscal year).
    const text = readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.pf_fragment'))
      .map((e) => gunzipSync(readFileSync(join(e.parentPath, e.name))).toString('utf8'))
      .join('\n');
    expect(text).not.toBe('');
    expect(text).toContain(REWORDED.after);
    expect(text).not.toContain(REWORDED.before);
  });

  it('refuses --revise without a publication, with --force, or with a text it has, and writes nothing', async () => {
    const before = treeHashes(content);
    const attempt = async (more: Record<string, unknown>) => {
      try {
        await runImport({
          file: join(input, 'v2.txt'),
          departmentSlug: 'synth-edu',
          contentDir: content,
          force: false,
          dryRun: false,
          today: '2026-12-01',
          revise: true,
          ...more,
        });
      } catch (error) {
        if (error instanceof ImportFailure) return error.message;
        throw error;
      }
      return 'imported';
    };
    expect(await attempt({ departmentSlug: 'synth-new' })).toMatch(
      /^nothing to revise: content\/synth-new\/2025\//,
    );
    expect(await attempt({ force: true })).toMatch(/give one of them$/);
    expect(await attempt({})).toMatch(/is a version this publication has already/);
    expect(treeHashes(content)).toEqual(before);
  });
});
