import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
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
 * on a generated publication of five projects, two of them translated: an
 * amount changed and a sentence reworded (p001), a section withheld after the
 * fact (p002), a section disclosed after the fact and the project renamed
 * (p003), one unchanged (p004), and one the corrected text drops (p005), just
 * before the renamed one's place. Then the site is built, and what it
 * publishes is read.
 */
const SLUGS = ['p001', 'p002', 'p003', 'p004', 'p005'];
/** The fifth project: a copy of the fourth under another name and amount. */
const DROPPED = { name: '合成市教育局校舍维修改造工程', amount: '42.5万元' };
/** The third project's name in version 2. */
const RENAMED = '合成市教育局应急指挥调度中心建设项目';
const SEED = 11;
/** Words that only the first version says, in the section the second withholds. */
const WITHHELD_LATER = '该中心现有库房建于二〇〇九年，漏雨返潮三十七处。';
const REWORDED = {
  before: '先建培训楼，再配设备，年底前完工。',
  after: '先建培训楼，再配教学设备，年底前完工。',
};
const DISCLOSED_LATER = '新建便民服务站三处，每处一百二十平方米。';
const NOTE = '更正资金安排金额';
const NOTE_EN = 'The amount of the funding arrangements corrected';
/** The bureau's own dates and address, as the person importing gave them (--revised-on, --published-on, --source-url). */
const REVISED_ON = '2026-11-28';
/** A paragraph version 2 inserts before one it keeps. */
const INSERTED = '新增室外配套设施一处，年内完工。';
const SOURCE_URL = 'http://www.example.gov.cn/zwgk/2025/t20250320_1.html';

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
  let contentBefore = '';

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
    // Version 1 has a fifth project, before the third: a copy of the fourth, named and costed anew.
    const starts = lines.flatMap((line, i) => (line === '1、项目名称' ? [i] : []));
    const fourth = lines.slice(starts[3]).filter((line) => line.trim() !== '');
    const fifth = fourth.map((line, i) =>
      i === 1
        ? DROPPED.name
        : line.replace(/^(本年度预算安排为|项目估算总投资)[\d.]+万元/, `$1${DROPPED.amount}`),
    );
    writeFileSync(
      join(input, 'v1.txt'),
      [...lines.slice(0, starts[2]), ...fifth, ...lines.slice(starts[2])].join('\n'),
    );
    const request = (file: string, more = {}) => ({
      file: join(input, file),
      departmentSlug: 'synth-edu',
      contentDir: content,
      // In the order of version 1's text: the fifth project stands third.
      slugs: ['p001', 'p002', 'p005', 'p003', 'p004'],
      force: false,
      dryRun: false,
      today: '2026-11-30',
      ...more,
    });
    await runImport({
      ...request('v1.txt'),
      today: '2026-11-01',
      publishedOn: '2025-03-20',
      sourceUrl: SOURCE_URL,
    });
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
    // The third project renamed; the fifth is not in version 2, which merged them by place.
    corrected[starts[2]! + 1] = RENAMED;
    // A paragraph inserted before the first project's one paragraph of content.
    contentBefore = corrected[corrected.indexOf('5、项目实施内容') + 1]!;
    corrected.splice(corrected.indexOf('5、项目实施内容') + 1, 0, INSERTED);
    writeFileSync(join(input, 'v2.txt'), corrected.join('\n'));
    const { slugs: _, ...revision } = request('v2.txt', {
      revise: true,
      note: NOTE,
      noteEn: NOTE_EN,
      revisedOn: REVISED_ON,
    });
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

  it('builds, with every page audited, and its list of pages one to a line', () => {
    expect(built.status, built.output).toBe(0);
    // Colours as CI's terminal asks for them (FORCE_COLOR) do not matter here.
    const output = stripVTControlCharacters(built.output);
    // Pages written side by side: no time without its page, no two pages on one line.
    expect(output).not.toMatch(/^\s*\(\+\d+m?s\)\s*$/mu);
    expect(output).not.toMatch(/├─.*├─/u);
    expect(output).toMatch(/^.*├─ \/en\/synth-edu\/2025\/p001\/index\.html/mu);
    expect(output).toMatch(/output audit: 4 projects in both languages and every data file/);
    // Earlier versions' bodies are counted among those asked for: never "-5 kept".
    expect(output).not.toMatch(/-\d+ kept/u);
  });

  it('keeps the history in the content: versions in publication.yaml, every original, the earlier zh files', () => {
    const publication = parse(
      readFileSync(join(content, 'synth-edu/2025/publication.yaml'), 'utf8'),
    ) as {
      source: { file: string };
      versions: {
        version: number;
        imported?: string;
        note?: string;
        noteEn?: string;
        source: { file: string };
      }[];
    };
    expect(publication.versions.map((v) => [v.version, v.imported, v.note, v.noteEn])).toEqual([
      [1, undefined, undefined, undefined],
      [2, '2026-11-30', NOTE, NOTE_EN],
    ]);
    // The bureau's dates and address, kept apart from the import's.
    const [v1, v2] = publication.versions as {
      revisedOn?: string;
      source: { url?: string; publishedOn?: string };
    }[];
    expect(v1!.source).toEqual(
      expect.objectContaining({ url: SOURCE_URL, publishedOn: '2025-03-20' }),
    );
    expect(v2!.revisedOn).toBe(REVISED_ON);
    expect(publication.source.file).toBe(publication.versions[1]!.source.file);
    for (const version of publication.versions)
      expect(existsSync(join(content, 'sources', version.source.file))).toBe(true);
    expect(
      readFileSync(join(content, 'sources', publication.versions[0]!.source.file), 'utf8'),
    ).toBe(readFileSync(join(input, 'v1.txt'), 'utf8'));
    expect(readdirSync(join(content, 'synth-edu/2025/versions/1/zh')).sort()).toEqual(
      SLUGS.map((s) => `${s}.md`),
    );
    // The current original is offered; the first, which discloses what the second withholds, is not.
    const [first, second] = publication.versions;
    expect(existsSync(join(dist, 'sources', second!.source.file))).toBe(true);
    expect(existsSync(join(dist, 'sources', first!.source.file))).toBe(false);
  });

  it('keeps a person’s refinements where the text did not change, and lists what was imported again', () => {
    expect(readFileSync(join(content, 'synth-edu/2025/zh/p001.md'), 'utf8')).toContain(
      ':::editor-note\n本节原文如此。\n:::',
    );
    expect(review).toContain(
      'p001: imported again from the new text, for review: funding, #approach, #content, #funding',
    );
    expect(review.some((line) => line.startsWith('p004'))).toBe(false);
  });

  it('shows a changed project’s notice and history: the figure and the words that changed', () => {
    const $ = page('synth-edu/2025/p001');
    // The bureau's date of the correction, and this site's update apart.
    expect($('.revision-notice').text()).toContain(
      `发布机关修订于${REVISED_ON}（第2版）；本站更新于2026-11-30`,
    );
    expect($('.revision-notice').text()).toContain(NOTE);
    // Its citation names the version and the bureau's date of it.
    expect($('[data-citation]').text()).toContain(`第2版（发布于${REVISED_ON}）`);
    expect($('#revisions [data-figure="funding"] del').text()).toBe(amount.before);
    expect($('#revisions [data-figure="funding"] ins').text()).toBe(amount.after);
    const approach = $('#revisions [data-section="approach"][data-change="changed"] .diff');
    expect(approach.find('ins').text()).toBe('教学');
    expect(approach.text()).toBe(REWORDED.after);
    const en = page('en/synth-edu/2025/p001');
    expect(en('.revision-notice').text()).toContain(
      `Revised by the publisher on ${REVISED_ON} (version 2); updated on this site on 2026-11-30`,
    );
    // The note in English where the person importing gave it (--note-en), never the Chinese as English.
    expect(en('.revision-notice').text()).toContain(NOTE_EN);
    expect(en('.revision-notice').text()).not.toContain(NOTE);
    expect(en('#revisions .revision-note').text()).toContain(NOTE_EN);
  });

  it('reports a section withheld in a later version without its earlier text, which appears in no file of the output, the earlier original included', () => {
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
    expect(found).toEqual([]);
    // It stays in the content folder, for the record.
    expect(
      readFileSync(join(content, 'sources/synth-edu-2025-key-projects.zh.txt'), 'utf8'),
    ).toContain(WITHHELD_LATER);
    const earlier = VersionRecordSchema.parse(
      JSON.parse(readFileSync(join(dist, 'data/synth-edu/2025/p002.v1.json'), 'utf8')),
    );
    const feasibility = earlier.sections.find((s) => s.id === 'feasibility')!;
    expect(feasibility.text).toBeNull();
    expect(feasibility.withheld).toEqual(expect.objectContaining({ withheld: 'classified' }));
  });

  it('lists the first version on the source page and in the data with its date, SHA-256 and why it is no longer offered', () => {
    const publication = parse(
      readFileSync(join(content, 'synth-edu/2025/publication.yaml'), 'utf8'),
    ) as { versions: { source: { file: string; sha256: string } }[] };
    const [first, second] = publication.versions;
    for (const [path, words] of [
      ['synth-edu/2025/source', '自第2版起不予公开'],
      ['en/synth-edu/2025/source', 'withheld since version 2'],
    ] as const) {
      const $ = page(path);
      const v1 = $('.source-versions li[data-version="1"]');
      expect(v1.attr('data-withheld-since'), path).toBe('2');
      // Each version with the bureau's date, and this site's said apart (the first import's was not recorded).
      expect(v1.text(), path).toContain(
        path.startsWith('en')
          ? 'Version 1 (published 2025-03-20; import date not recorded)'
          : '第1版（发布于2025-03-20；本站导入日期未记录）',
      );
      expect($('.source-versions li[data-version="2"]').text(), path).toContain(
        path.startsWith('en') ? `published ${REVISED_ON}` : `发布于${REVISED_ON}`,
      );
      expect(v1.find('.source-not-offered').text(), path).toContain(words);
      expect(v1.find('[data-sha256-version]').first().text(), path).toBe(first!.source.sha256);
      expect(v1.find('a').length, path).toBe(0);
      const v2 = $('.source-versions li[data-version="2"]');
      expect(v2.attr('data-withheld-since'), path).toBeUndefined();
      expect(v2.find(`a[data-download="${second!.source.file}"]`).length, path).toBe(1);
    }
    const data = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
      publications: { slug: string; versions: Record<string, unknown>[] }[];
    };
    expect(data.publications[0]!.versions).toEqual([
      expect.objectContaining({
        version: 1,
        revisedOn: '2025-03-20',
        sha256: first!.source.sha256,
        url: null,
        withheldSince: 2,
        current: false,
      }),
      expect.objectContaining({
        version: 2,
        date: '2026-11-30',
        revisedOn: REVISED_ON,
        url: `${TEST_SITE}/sources/${second!.source.file}`,
        withheldSince: null,
        current: true,
      }),
    ]);
  });

  it('keeps each paragraph’s anchor across versions: an inserted one gets a new anchor, the one it stands before keeps its own', () => {
    const $ = page('synth-edu/2025/p001');
    // In version 1 the content's one paragraph was #content-p1; it still is.
    expect($('#content-p1').text()).toBe(contentBefore);
    expect($('#content-p2').text()).toBe(INSERTED);
    expect($('#content-p2 a.passage-link').attr('href')).toBe('#content-p2');
    // The paragraphs stand in the text's order.
    expect(
      $('[id^="content-p"]')
        .map((_, el) => $(el).attr('id'))
        .get(),
    ).toEqual(['content-p2', 'content-p1']);
    // A section whose paragraphs only changed in place keeps 1, 2, 3….
    expect($('#approach-p1').text()).toBe(REWORDED.after);
  });

  it('shows a section disclosed in a later version as inserted', () => {
    const entry = page('synth-edu/2025/p003')('#revisions [data-section="scale"]');
    expect(entry.attr('data-change')).toBe('disclosed');
    expect(entry.find('.diff ins').text()).toBe(DISCLOSED_LATER);
  });

  it('matches projects by name: the renamed one keeps its address, the dropped one’s address says it was withdrawn', () => {
    expect(review).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^p003: “合成市教育局应急指挥中心建设项目（一期）” is taken to be “${RENAMED}”, by a name \\d+% alike and 6 of 6 facts the same`,
        ),
      ),
    );
    expect(review).toContain(
      `p005: “${DROPPED.name}” is not in the new text: withdrawn, its page says so`,
    );
    expect(page('synth-edu/2025/p003')('h1').text()).toContain(RENAMED);
    expect(
      page('synth-edu/2025/p003')('#revisions [data-section="name"]').attr('data-change'),
    ).toBe('changed');
    for (const [path, words] of [
      ['synth-edu/2025/p005', '自第2版（2026-11-30）起不再列入此项目'],
      ['en/synth-edu/2025/p005', 'withdrew it in version 2 (2026-11-30)'],
    ] as const) {
      const $ = page(path);
      expect($('h1').text(), path).toBe(DROPPED.name);
      expect($('.withdrawn-notice').attr('data-withdrawn-in'), path).toBe('2');
      expect($('.withdrawn-notice').text(), path).toContain(words);
      // Nothing of its text: the page says what happened, and where the versions are.
      expect($('main').text(), path).not.toContain(DROPPED.amount);
      expect($('[data-pagefind-body]').length, path).toBe(0);
    }
    expect(page('changes')('#synth-edu-2025-v2 [data-withdrawn="p005"] a').text()).toBe(
      DROPPED.name,
    );
    const data = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
      publications: { withdrawn: unknown[] }[];
      projects: { slug: string }[];
    };
    expect(data.publications[0]!.withdrawn).toEqual([
      {
        slug: 'p005',
        name: DROPPED.name,
        lastVersion: 1,
        withdrawnIn: 2,
        url: {
          zh: `${TEST_SITE}/synth-edu/2025/p005/`,
          en: `${TEST_SITE}/en/synth-edu/2025/p005/`,
        },
      },
    ]);
    expect(data.projects.map((p) => p.slug).sort()).toEqual(['p001', 'p002', 'p003', 'p004']);
  });

  it('shows no revision on an unchanged project, only which version of the text the page shows', () => {
    const $ = page('synth-edu/2025/p004');
    expect($('.revision-notice').length).toBe(0);
    expect($('#revisions').length).toBe(0);
    expect($('.version-line').attr('data-version')).toBe('2');
    expect($('.version-line').text()).toContain('本页为原文第2版');
    expect(page('en/synth-edu/2025/p004')('.version-line').text()).toContain(
      'This page shows version 2 of the original',
    );
    expect($('.version-line a').attr('href')).toBe('/synth-edu/2025/source/#source-versions');
    expect(record('p004').revisions).toEqual([]);
  });

  it('gives each record its version and revisions, and keeps earlier versions’ records at stable URLs', () => {
    const p001 = record('p001');
    expect(p001.version).toBe(2);
    expect(p001.revisions).toEqual([
      expect.objectContaining({
        version: 2,
        note: NOTE,
        noteEn: NOTE_EN,
        figures: [{ field: 'funding', from: amount.before, to: amount.after }],
      }),
    ]);
    expect(p001.earlierVersions).toEqual([`${TEST_SITE}/data/synth-edu/2025/p001.v1.json`]);
    const v1 = VersionRecordSchema.parse(
      JSON.parse(readFileSync(join(dist, 'data/synth-edu/2025/p001.v1.json'), 'utf8')),
    );
    expect(v1.amount).toEqual(expect.objectContaining({ published: amount.before }));
    const csv = readFileSync(join(dist, 'data/disclosures.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/,version,revised_on,/);
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
    const check = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/check.ts')], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: content },
    });
    expect(check.stdout).toContain('2 translation(s) of an earlier version of a revised text');
    // Named where CONTENT_DIR points, not as content/….
    expect(check.stdout).toContain(`  ${content}/synth-edu/2025/en/p001.md (version 1)`);
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
