import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import * as cheerio from 'cheerio';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withheldReasonOfText } from '../../src/domain/withheld-reasons';
import type { BodyEntry } from '../../src/content/read';
import { enumerationOf } from '../../src/importer/headings';
import { ImportFailure, runImport as importFile } from '../../src/importer/run';
import { checkContent, readBody } from '../../src/check/check';
import { serveSite } from '../../scripts/serve-site';
import { ORIGINAL_HEADERS } from '../../src/site/originals';
import { astroBuild } from '../support/astro';
import { launch } from '../support/browser';
import { NGINX, startNginx } from '../support/nginx';
import {
  addJavaScriptAction,
  encodeGbk,
  FACTS,
  fixtureLines,
  makeDocx,
  HOSTILE_PAYLOADS,
  makeSavedPage,
  TITLE,
} from '../support/bureau-files';
import { LAYOUTS, writeLayout, writeLayoutDocx } from '../support/layouts';
import { EXAMPLE_CONTENT, PORTAL_BASE, ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';
import { treeHashes } from '../support/tree';

/**
 * npm run import, as a finance bureau would use it: the real source text
 * round-trips to the hand-written files; texts in other publishers' styles
 * import, check and build; files that are not the template are refused and
 * leave the content folder untouched.
 */
/** The example publication's original text (a copy of it: tests/fixtures/example). */
const SOURCE = join(EXAMPLE_CONTENT, 'sources/ruili-psb-2020-key-projects.zh.txt');
const dirs: string[] = [];
const sandboxes: Sandbox[] = [];
afterAll(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  sandboxes.forEach((sandbox) => sandbox.remove());
});
const temporary = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/**
 * npm run import with these arguments, in this process (src/importer/run.ts, as scripts/import.ts
 * calls it): its exit status and what it prints. The command line itself is tested in
 * src/importer/run.test.ts.
 */
async function runImport(args: string[]): Promise<{ status: number; output: string }> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'department-slug': { type: 'string' },
      region: { type: 'string' },
      content: { type: 'string' },
      slugs: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  try {
    const { notices } = await importFile({
      file: positionals[0]!,
      departmentSlug: values['department-slug']!,
      contentDir: values.content!,
      region: values.region,
      slugs: values.slugs?.split(','),
      force: values.force,
      dryRun: false,
      today: '2026-11-30',
    });
    return { status: 0, output: notices.map((n) => `${positionals[0]!}: ${n}`).join('\n') };
  } catch (error) {
    if (!(error instanceof ImportFailure)) throw error;
    return { status: 1, output: `${error.message}\nNothing was written.` };
  }
}

function readEntry(path: string): { data: Record<string, unknown>; entry: BodyEntry<unknown> } {
  const text = readFileSync(path, 'utf8');
  const data = parseFrontmatter(text).frontmatter as Record<string, unknown>;
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return { data, entry: { id: path, filePath: path, data, body, bodyStartLine: 1 } };
}

describe('round trip: importing the real source reproduces the hand-written Chinese files', () => {
  const SLUGS = ['case-property-centre', 'case-handling-centre', 'face-recognition-system'];
  let target: string;
  let output: string;
  beforeAll(async () => {
    target = temporary('import-roundtrip-');
    const result = await runImport([
      SOURCE,
      '--department-slug',
      'ruili-psb',
      '--region',
      '云南省德宏州瑞丽市',
      '--content',
      target,
      '--slugs',
      SLUGS.join(','),
    ]);
    output = result.output;
    expect(result.status, result.output).toBe(0);
  });

  /** What a person added on purpose, and what the importer cannot know. Everything else must match. */
  const EXCEPTIONS = {
    frontmatter: ['translation'],
    // Ids of extra subsections: the hand-written files name them in English, the importer numbers them.
    ids: {
      'face-recognition-system': {
        'content-1': 'content-platform',
        'content-2': 'content-capture',
        'content-3': 'content-analysis',
        'content-4': 'content-network',
        'content-5': 'content-storage',
      },
    } as Record<string, Record<string, string>>,
  };

  it('writes the source byte for byte and publication.yaml with its SHA-256', () => {
    expect(readFileSync(join(target, 'sources/ruili-psb-2020-key-projects.zh.txt'))).toEqual(
      readFileSync(SOURCE),
    );
    const imported = readFileSync(join(target, 'ruili-psb/2020/publication.yaml'), 'utf8');
    const written = readFileSync(join(EXAMPLE_CONTENT, 'ruili-psb/2020/publication.yaml'), 'utf8');
    for (const field of [
      'slug',
      'departmentSlug',
      'fiscalYear',
      'department',
      'region',
      'title',
      '  file',
      '  sha256',
    ]) {
      const line = (text: string) => text.split('\n').find((l) => l.startsWith(`${field}:`));
      expect(line(imported), field).toBe(line(written));
    }
  });

  it.each(SLUGS)('%s: field by field and section by section', async (slug) => {
    const imported = readEntry(join(target, `ruili-psb/2020/zh/${slug}.md`));
    const written = readEntry(join(EXAMPLE_CONTENT, `ruili-psb/2020/zh/${slug}.md`));
    const withoutExceptions = (data: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(data).filter(([key]) => !EXCEPTIONS.frontmatter.includes(key)),
      );
    expect(withoutExceptions(imported.data)).toEqual(withoutExceptions(written.data));
    expect(imported.data.translation).toBe('pending');

    const rename = EXCEPTIONS.ids[slug] ?? {};
    const outline = async (entry: BodyEntry<unknown>) => (await readBody(entry)).outline!;
    const importedOutline = await outline(imported.entry);
    const writtenOutline = await outline(written.entry);
    // Passages aside: where a person promoted a line to a heading (####), it is no passage.
    expect(
      importedOutline.sections.map((s) => ({
        ...s,
        id: rename[s.id] ?? s.id,
        line: undefined,
        passages: undefined,
        origins: undefined,
      })),
    ).toEqual(
      writtenOutline.sections.map((s) => ({
        ...s,
        line: undefined,
        passages: undefined,
        origins: undefined,
      })),
    );
    expect(importedOutline.markers).toEqual(writtenOutline.markers);
  });

  it('prints what needs a person’s eye, changing no word', () => {
    expect(output).toMatch(
      /line 29: "本年度预算安排为700万元项目实施计划" ends with 项目实施计划: likely a heading run into the sentence; kept as printed/,
    );
  });

  it('passes npm run check as written, which lists the translations pending as information', async () => {
    const { problems, pending } = await checkContent(target);
    expect(problems).toEqual([]);
    expect(pending).toHaveLength(3);
    const check = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/check.ts')], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: target },
    });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('3 project(s) awaiting English translation:');
    for (const slug of SLUGS)
      expect(check.stdout).toContain(`  ${target}/ruili-psb/2020/zh/${slug}.md`);
    expect(check.stdout).toContain('content OK: 1 publication(s), 3 project(s)');
    // The English publication page needs its title and department: asked for, as information.
    expect(check.stdout).toMatch(
      new RegExp(
        `1 publication\\(s\\) whose English block \\(en: in publication\\.yaml\\) lacks what the English page needs:\n  ${target}/ruili-psb/2020/publication\\.yaml: department, title`,
      ),
    );
  });

  it('replaces an earlier import only with --force', async () => {
    const again = [
      SOURCE,
      '--department-slug',
      'ruili-psb',
      '--region',
      '云南省德宏州瑞丽市',
      '--content',
      target,
      '--slugs',
      SLUGS.join(','),
    ];
    expect((await runImport(again)).status).not.toBe(0);
    const forced = await runImport([...again, '--force']);
    expect(forced.status, forced.output).toBe(0);
    expect((await checkContent(target)).problems).toEqual([]);
  });
});

/** A publication in the template, in a given numbering style, with a given line break. */
function variantText(options: {
  department: string;
  part: (n: number, title: string) => string;
  sub: (n: number, title: string) => string;
  newline?: string;
  bom?: boolean;
  blank?: boolean;
  amount: string;
  estimate: string;
  withheld?: boolean;
}): string {
  const { part, sub } = options;
  const lines = [
    `${options.department}部门2021年预算重点领域财政项目文本公开`,
    part(1, '项目名称'),
    `${options.department}档案数字化建设`,
    part(2, '立项依据'),
    `（一）、合政办发（2020）7号：合成市人民政府办公室《关于推进档案数字化的通知》`,
    part(3, '项目实施单位'),
    `主管部门：${options.department}`,
    `项目实施单位：${options.department}档案室`,
    part(4, '项目基本概况'),
    options.withheld ? `${sub(1, '项目可行性')}：涉密不宜公开` : sub(1, '项目可行性'),
    ...(options.withheld ? [] : ['现有纸质档案已不能满足查阅需要。']),
    sub(2, '总体思路'),
    '以需求为导向，分步实施。',
    sub(3, '实施方式'),
    '本项目采用财政预算安排经费的方式实施。',
    part(5, '项目实施内容'),
    options.withheld ? '涉密不宜公开' : '扫描档案120万页，建设档案管理系统1套。',
    part(6, '资金安排情况'),
    `本年度预算安排为${options.amount}；`,
    part(7, '项目实施计划'),
    sub(1, '建设规模'),
    options.withheld ? '涉密不宜公开' : '扫描档案120万页。',
    sub(2, '投资估算'),
    `项目估算总投资${options.estimate}。`,
    sub(3, '实施周期'),
    '2021年度',
    part(8, '项目实施成效'),
    '档案查阅时间由三天缩短为一小时。',
  ];
  const text = lines
    .join(options.blank === false ? '\n' : '\n\n')
    .replace(/\n/g, options.newline ?? '\n');
  return `${options.bom ? '\uFEFF' : ''}${text}\n`;
}

const ZH_NUMERALS = '零一二三四五六七八九十';
const VARIANTS = [
  {
    slug: 'synth-a',
    name: '合成市甲局',
    part: (n: number, t: string) => `${ZH_NUMERALS[n]!}、${t}`,
    sub: (n: number, t: string) => `（${n}）、${t}`,
    amount: '3,500,000元',
    estimate: '3,500,000元',
    yuan: 3_500_000,
  },
  {
    slug: 'synth-b',
    name: '合成市乙局',
    part: (n: number, t: string) => `（${ZH_NUMERALS[n]!}）、${t}`,
    sub: (n: number, t: string) => `${n}.${t}`,
    amount: '1.2亿元',
    estimate: '1.5亿元',
    yuan: 120_000_000,
  },
  {
    slug: 'synth-c',
    name: '合成市丙局',
    part: (n: number, t: string) => `（${n}） 、${t}`,
    sub: (n: number, t: string) => `(${ZH_NUMERALS[n]!})、${t}`,
    amount: '700万元',
    estimate: '700万元',
    yuan: 7_000_000,
    withheld: true,
  },
  {
    slug: 'synth-d',
    name: '合成市丁局',
    part: (n: number, t: string) => `(${n})\u3000${t}`,
    sub: (n: number, t: string) => `（${ZH_NUMERALS[n]!}）\u3000${t}`,
    amount: '２０１２.９５万元',
    estimate: '２０１２.９５万元',
    yuan: 20_129_500,
    newline: '\r\n',
    bom: true,
  },
  {
    slug: 'synth-e',
    name: '合成市戊局',
    part: (n: number, t: string) => `${String.fromCharCode(0xff10 + n)}、${t}`,
    sub: (n: number, t: string) => `（${String.fromCharCode(0xff10 + n)}）、${t}`,
    amount: '50万元',
    estimate: '50万元',
    yuan: 500_000,
    blank: false,
  },
];

/** The fixture's files, made the way bureaus make them (tests/support/bureau-files.ts, tests/fixtures/formats/). */
const FORMATS_DIR = join(ROOT, 'tests/fixtures/formats');
const SAVED_FROM = 'http://www.example.gov.cn/zwgk/czyjs/202103/t20210316_1.html';
const BUREAU_FILES: Record<string, () => Promise<{ name: string; bytes: Uint8Array }>> = {
  // A PDF that runs a script when it opens, a Word file that links elsewhere, a saved page
  // full of scripts (HOSTILE_PAYLOADS): each imports as its text, and is only ever a download.
  'fmt-pdf': () =>
    Promise.resolve({
      name: 'bureau.pdf',
      bytes: addJavaScriptAction(readFileSync(join(FORMATS_DIR, 'bureau.pdf'))),
    }),
  'fmt-doc': () =>
    Promise.resolve({
      name: 'bureau.doc',
      bytes: readFileSync(join(FORMATS_DIR, 'bureau.doc')),
    }),
  // WPS saves .wps files in Word 97's format.
  'fmt-wps': () =>
    Promise.resolve({
      name: 'bureau.wps',
      bytes: readFileSync(join(FORMATS_DIR, 'bureau.doc')),
    }),
  'fmt-docx': async () => ({
    name: 'bureau.docx',
    bytes: await makeDocx({ automaticNumbering: true, externalLink: 'http://example.net/' }),
  }),
  'fmt-gbk': () =>
    Promise.resolve({
      name: 'bureau.txt',
      bytes: encodeGbk(`${fixtureLines().join('\r\n')}\r\n`),
    }),
  'fmt-html': () =>
    Promise.resolve({
      name: 'bureau.htm',
      bytes: makeSavedPage({
        publishedOn: '2021-03-16 09:30:00',
        savedFrom: SAVED_FROM,
        hostile: true,
      }),
    }),
};
const BUREAU_FORMATS: Record<string, string> = {
  'fmt-pdf': 'pdf',
  'fmt-doc': 'doc',
  'fmt-wps': 'wps',
  'fmt-docx': 'docx',
  'fmt-gbk': 'txt',
  'fmt-html': 'html',
};
const compact = (text: string) => text.replace(/\s+/gu, '');
const compactPage = ($: cheerio.CheerioAPI) => compact($('main').text());
const isPartHeading = (line: string) =>
  /^[一二三四五六七八]、(?:项目名称|立项依据|项目实施单位|项目基本概况|项目实施内容|资金安排情况|项目实施计划|项目实施成效)$/u.test(
    line,
  );
interface ProjectRecordLike {
  publication: string;
  name: { zh: string };
  amount: { yuan: number } | { withheld: string };
  period: { zh: string; en: string | null };
  fundingSource: { zh: string } | null;
  procurementMethod: { zh: string; en: string } | null;
  basis: { withheld: unknown }[] | { withheld: string };
  url: { zh: string; en: string };
  sections: { id: string; withheld: unknown }[];
}

/** The county layout the build imports beside the fixture's files. */
const COUNTY = writeLayout(LAYOUTS['other wordings, with the content after the colon']!);

describe('texts in other publishers’ styles import, check and build', () => {
  const target = temporary('import-variants-');
  const inputs = new Map<string, Uint8Array>();
  const outputs = new Map<string, string>();
  let content: string;
  const dist = `${target}-dist`;
  dirs.push(dist);
  const texts = new Map<string, string>();
  let built: ReturnType<typeof astroBuild>;

  beforeAll(async () => {
    // A copy of the project with no content but what is imported here.
    const sandbox = new Sandbox();
    sandboxes.push(sandbox);
    const site = sandbox.dir;
    rmSync(join(site, 'content'), { recursive: true });
    for (const variant of VARIANTS) {
      const text = variantText({ department: variant.name, ...variant });
      texts.set(variant.slug, text);
      const file = join(target, `${variant.slug}.txt`);
      writeFileSync(file, text);
      const result = await runImport([
        file,
        '--department-slug',
        variant.slug,
        '--content',
        join(site, 'content'),
      ]);
      expect(result.status, `${variant.slug}\n${result.output}`).toBe(0);
    }
    // A Word file, made here: one paragraph per line, as mammoth reads it back.
    const docxText = variantText({
      department: '合成市己局',
      part: (n, t) => `${n}、 ${t}`,
      sub: (n, t) => `（${ZH_NUMERALS[n]!}）、${t}`,
      amount: '88万元',
      estimate: '88万元',
    });
    texts.set('synth-f', docxText);
    const paragraphs = docxText
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          `<w:p><w:r><w:t xml:space="preserve">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`,
      );
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
    );
    const docx = join(target, 'synth-f.docx');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
    const fromWord = await runImport([
      docx,
      '--department-slug',
      'synth-f',
      '--content',
      join(site, 'content'),
    ]);
    expect(fromWord.status, fromWord.output).toBe(0);
    expect(readFileSync(join(site, 'content/sources/synth-f-2021-key-projects.zh.docx'))).toEqual(
      readFileSync(docx),
    );

    // The files bureaus really publish: each imported as its own department, into the same site.
    for (const [slug, make] of Object.entries(BUREAU_FILES)) {
      const { name, bytes } = await make();
      const file = join(target, name);
      writeFileSync(file, bytes);
      inputs.set(slug, bytes);
      const result = await runImport([
        file,
        '--department-slug',
        slug,
        '--content',
        join(site, 'content'),
      ]);
      expect(result.status, `${slug}\n${result.output}`).toBe(0);
      outputs.set(slug, result.output);
    }
    // A county bureau's text in another layout (tests/support/layouts.ts), as a Word file: headings
    // in other wordings with their content after the colon, a procurement method beside its
    // sources of funds, a breakdown, an amount in capital numerals, withheld wordings, a table.
    const county = join(target, 'county.docx');
    writeFileSync(county, await writeLayoutDocx(COUNTY.text));
    const countyImport = await runImport([
      county,
      '--department-slug',
      'county-edu',
      '--content',
      join(site, 'content'),
      '--slugs',
      'c1,c2,c3',
    ]);
    expect(countyImport.status, countyImport.output).toBe(0);
    content = join(site, 'content');

    rmSync(dist, { recursive: true, force: true });
    built = astroBuild(dist, { cwd: site, env: { SITE_URL: TEST_SITE, BASE_PATH: '' } });
  }, 300_000);

  it('builds, with every imported text checked and its output audited', () => {
    expect(built.status, built.output).toBe(0);
    expect(built.report.audit?.projects).toBe(
      6 + 2 * Object.keys(BUREAU_FILES).length + COUNTY.expected.length,
    );
  });

  describe.each(Object.keys(BUREAU_FILES))('%s, as the bureau published it', (slug) => {
    const publication = () =>
      parse(readFileSync(join(content, `${slug}/2021/publication.yaml`), 'utf8')) as {
        preface?: string[];
        signature?: { issuer?: string; published: string; date: string };
        source: {
          file: string;
          sha256: string;
          publishedOn?: string;
          original?: { file: string; sha256: string; format: string; encoding?: string };
        };
      };
    const records = () =>
      (
        JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
          projects: ProjectRecordLike[];
        }
      ).projects.filter((p) => p.publication === `${slug}-2021`);
    const zhPage = (url: string) =>
      cheerio.load(readFileSync(join(dist, new URL(url).pathname, 'index.html'), 'utf8'));

    it('publishes every line of the text on its Chinese pages: title, preface and signature on the publication page, each project’s on its own', () => {
      const [first, second] = records();
      const projectText = [first!, second!].map((p) => compactPage(zhPage(p.url.zh)));
      const publicationPage = compactPage(zhPage(first!.url.zh.replace(/[^/]+\/$/, '')));
      const lines = fixtureLines();
      const start = lines.findIndex((line) => line.endsWith('项目名称'));
      const secondStart = lines.findIndex((line, i) => i > start && line.endsWith('项目名称'));
      const end = lines.length - 2;
      const missing = lines.flatMap((line, i) => {
        const where =
          i < start || i >= end
            ? publicationPage
            : i < secondStart
              ? projectText[0]!
              : projectText[1]!;
        const bare = compact(line.slice(enumerationOf(line)?.length ?? 0));
        // Part headings show as the site's section titles; a withheld phrase shows as the marker.
        if (isPartHeading(line) || withheldReasonOfText(bare.replace(/^.*?[:：]/u, '')) !== null)
          return [];
        return where.includes(compact(line)) || where.includes(bare) ? [] : [line];
      });
      expect(missing).toEqual([]);
    });

    it('keeps the figures, the period as published and the withheld parts', () => {
      const projects = records();
      expect(projects.map((p) => p.name.zh)).toEqual(FACTS.projects.map((p) => p.name));
      projects.forEach((project, i) => {
        const fact = FACTS.projects[i]!;
        expect(project.amount).toEqual(expect.objectContaining({ yuan: fact.amountYuan }));
        expect(project.period).toEqual({
          zh: fact.period,
          en: fact.period === '2021年度' ? 'FY2021' : 'April 2021 to August 2022',
        });
        expect(project.fundingSource).toEqual(
          fact.source === null ? null : expect.objectContaining({ zh: fact.source }),
        );
        expect(project.procurementMethod?.zh ?? null).toBe(fact.procurement);
        const withheld = [
          ...project.sections.filter((s) => s.withheld).map((s) => s.id),
          ...(Array.isArray(project.basis) && project.basis.some((b) => b.withheld)
            ? ['basis']
            : []),
        ];
        expect(withheld.sort()).toEqual([...fact.withheld].sort());
      });
      expect(compactPage(zhPage(projects[0]!.url.zh))).toContain('2021年4月至2022年8月');
    });

    it('keeps the preface and the signature as the publication’s, with the document’s date', () => {
      const data = publication();
      expect(data.preface).toEqual([FACTS.preface]);
      expect(data.signature).toEqual(FACTS.signature);
      const page = zhPage(records()[0]!.url.zh.replace(/[^/]+\/$/, ''));
      expect(compact(page('.preface').text())).toContain(compact(FACTS.preface));
      expect(page('.signature time').attr('datetime')).toBe('2021-03-15');
      // Never part of the last project's outcomes.
      const last = zhPage(records()[1]!.url.zh);
      expect(compactPage(last)).not.toContain('2021年3月15日');
    });

    it('keeps the original byte for byte beside the text the site shows, both with their SHA-256, and offers both', () => {
      const { source } = publication();
      const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
      const text = readFileSync(join(content, 'sources', source.file));
      expect(sha(text)).toBe(source.sha256);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(text)).toContain(TITLE);
      const original = source.original!;
      expect(original.format).toBe(BUREAU_FORMATS[slug]);
      const kept = readFileSync(join(content, 'sources', original.file));
      expect(kept.equals(Buffer.from(inputs.get(slug)!))).toBe(true);
      expect(sha(kept)).toBe(original.sha256);
      const sourcePage = cheerio.load(
        readFileSync(join(dist, `${slug}/2021/source/index.html`), 'utf8'),
      );
      const href = sourcePage('a[data-original]').attr('href')!;
      expect(href).toBe(`/sources/${original.file}`);
      expect(readFileSync(join(dist, href)).equals(kept)).toBe(true);
      expect(sourcePage('[data-sha256-original]').text()).toBe(original.sha256);
    });
  });

  it('records the encoding of a GBK text, and the date and address a saved page gives, inventing neither', () => {
    const yaml = (slug: string) =>
      parse(readFileSync(join(content, `${slug}/2021/publication.yaml`), 'utf8')) as {
        source: { publishedOn?: string; url?: string; original?: { encoding?: string } };
      };
    expect(yaml('fmt-gbk').source.original?.encoding).toBe('gb18030');
    expect(yaml('fmt-html').source).toEqual(
      expect.objectContaining({ publishedOn: '2021-03-16', url: SAVED_FROM }),
    );
    expect(yaml('fmt-pdf').source.publishedOn).toBeUndefined();
    const page = cheerio.load(readFileSync(join(dist, 'fmt-html/2021/source/index.html'), 'utf8'));
    expect(page('[data-provenance="publishedOn"] time').attr('datetime')).toBe('2021-03-16');
    const pdf = cheerio.load(readFileSync(join(dist, 'fmt-pdf/2021/source/index.html'), 'utf8'));
    expect(pdf('[data-provenance="publishedOn"] .not-recorded').length).toBe(1);
  });

  it('offers every original as a download that runs nothing, through the docs’ nginx and npm start’s server, in Chromium', async () => {
    const hostile = ['fmt-html', 'fmt-pdf', 'fmt-docx'].map((slug) => {
      const { original } = (
        parse(readFileSync(join(content, `${slug}/2021/publication.yaml`), 'utf8')) as {
          source: { original: { file: string } };
        }
      ).source;
      return { slug, file: original.file, bytes: inputs.get(slug)! };
    });
    const browser = await launch();
    const started = await serveSite(dist);
    const nginx = NGINX ? await startNginx(dist) : null;
    if (!nginx)
      console.warn(
        'import.test.ts: nginx is not installed; the originals are checked through npm start’s server only',
      );
    try {
      /** A fresh browser context that records every request it makes and every dialog it opens. */
      const watch = async () => {
        const context = await browser.newContext({ acceptDownloads: true });
        const page = await context.newPage();
        const requests: string[] = [];
        const dialogs: string[] = [];
        context.on('request', (request) => requests.push(request.url()));
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        return { context, page, requests, dialogs };
      };
      const ran = (requests: string[]) => requests.filter((url) => url.includes('/pwned/'));

      // The check can see a payload run: the saved page's own bytes, as a page, run every one.
      const control = await watch();
      const html = hostile[0]!;
      await control.page.route('**/control.html', (route) =>
        route.fulfill({ body: Buffer.from(html.bytes), contentType: 'text/html' }),
      );
      await control.page.route('**/pwned/**', (route) => route.fulfill({ body: '' }));
      const seen = control.page.waitForRequest(/\/pwned\/script/);
      await control.page.goto(new URL('control.html', started.url).href).catch(() => {});
      await seen;
      expect(ran(control.requests).length).toBeGreaterThan(0);
      expect(Object.keys(HOSTILE_PAYLOADS).length).toBe(5);
      await control.context.close();

      for (const base of [started.url, ...(nginx ? [`${nginx.origin}${PORTAL_BASE}`] : [])]) {
        for (const { file, bytes } of hostile) {
          const url = new URL(`sources/${file}`, base).href;
          const response = await fetch(url);
          expect(response.status, url).toBe(200);
          for (const [name, value] of Object.entries(ORIGINAL_HEADERS))
            expect(response.headers.get(name), `${url}: ${name}`).toBe(value);
          // No type a browser renders as a document.
          expect(response.headers.get('content-type'), url).not.toMatch(
            /^(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)\b/,
          );
          // A saved page (GB2312) is opaque bytes: no charset to relabel it UTF-8.
          if (file.endsWith('.html'))
            expect(response.headers.get('content-type'), url).toBe('application/octet-stream');
          expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes)), url).toBe(
            true,
          );
          // Opened in the browser, it downloads: no document, so nothing in it runs.
          const { context, page, requests, dialogs } = await watch();
          const download = page.waitForEvent('download');
          await page.goto(url).catch(() => {});
          expect((await download).suggestedFilename(), url).toBe(file);
          expect(page.url(), url).toBe('about:blank');
          expect(ran(requests), url).toEqual([]);
          expect(dialogs, url).toEqual([]);
          await context.close();
        }
      }
      // The source page offers the saved page by a link that downloads it, and runs nothing of it.
      const { context, page, requests, dialogs } = await watch();
      await page.goto(new URL('fmt-html/2021/source/', started.url).href);
      const download = page.waitForEvent('download');
      await page.click('a[data-original]');
      expect((await download).suggestedFilename()).toBe(hostile[0]!.file);
      expect(new URL(page.url()).pathname).toBe('/fmt-html/2021/source/');
      expect(ran(requests)).toEqual([]);
      expect(dialogs).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await started.close();
      nginx?.stop();
    }
  });

  it('says on the source page what each original is, that it downloads, its size and its SHA-256', () => {
    const $ = cheerio.load(readFileSync(join(dist, 'fmt-html/2021/source/index.html'), 'utf8'));
    const original = $('.source-original');
    expect(original.text()).toContain('网页（HTML）');
    const size = readFileSync(
      join(content, 'sources', $('a[data-original]').attr('data-download')!),
    ).length;
    expect(original.find('[data-bytes]').attr('data-bytes')).toBe(String(size));
    expect(original.find('[data-bytes]').text()).toBe(`${size.toLocaleString('en-US')} 字节`);
    expect($('.source-downloads').text()).toContain('下载');
    const en = cheerio.load(readFileSync(join(dist, 'en/fmt-gbk/2021/source/index.html'), 'utf8'));
    expect(en('.source-original').text()).toContain('plain text file in GB18030');
    expect(en('.source-downloads').text()).toContain('downloads');
  });

  it('publishes a county text in another layout with its facts as read: the procurement method apart from the sources of funds, the breakdown, a capital amount, a table readable on a phone', async () => {
    const county = (
      JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
        projects: (ProjectRecordLike & {
          fundingBreakdown: { source: { zh: string }; amount: { yuan: number } }[] | null;
          amount: { yuan: number; published: string };
        })[];
      }
    ).projects.filter((p) => p.publication === 'county-edu-2022');
    const zhPage = (url: string) =>
      cheerio.load(readFileSync(join(dist, new URL(url).pathname, 'index.html'), 'utf8'));
    expect(county.map((p) => p.name.zh)).toEqual(COUNTY.expected.map((e) => e.name));
    const [c1, c2, c3] = county;
    expect(c1!.fundingSource?.zh).toBe('省级补助资金、县级配套资金');
    expect(c1!.procurementMethod).toEqual({ zh: '公开招标', en: 'open tendering' });
    expect(c1!.fundingBreakdown?.map((p) => [p.source.zh, p.amount.yuan])).toEqual([
      ['省级补助资金', 2_000_000],
      ['县级配套资金', 1_500_000],
    ]);
    expect(c2!.amount).toEqual(
      expect.objectContaining({ yuan: 1_280_600, published: '人民币壹佰贰拾捌万零陆佰元整' }),
    );
    expect(c2!.sections.filter((s) => s.withheld).map((s) => s.id)).toEqual([
      'feasibility',
      'content',
    ]);
    expect(c3!.fundingSource).toBeNull();
    expect(c3!.procurementMethod?.zh).toBe('政府采购');
    // On the page: 资金来源 holds sources only, the method has its own row, in both languages.
    const $ = zhPage(c1!.url.zh);
    const row = (label: string) => $(`.summary dt:contains("${label}") + dd`).text();
    expect(row('资金来源')).toBe('省级补助资金、县级配套资金');
    expect(row('采购方式')).toBe('公开招标');
    expect(row('其中')).toContain('省级补助资金');
    const en = cheerio.load(
      readFileSync(join(dist, new URL(c1!.url.en).pathname, 'index.html'), 'utf8'),
    );
    expect(en('[data-procurement]').text()).toBe('open tendering');
    // No English name given: composed by rule from the place and a reviewed term, on the day of import.
    expect(en('.breadcrumb').text()).toContain('Hecheng County Education and Sports Bureau');
    // The table stays a table.
    const table = zhPage(c3!.url.zh)('#funding ~ table, .sections table').first();
    expect(table.find('tr').length).toBe(2);
    expect(
      table
        .find('td, th')
        .map((_, cell) => cheerio.load(cell).text())
        .get(),
    ).toEqual(['资金来源', '金额（万元）', '一般公共预算', '1,280.6']);
    const csv = readFileSync(join(dist, 'data/disclosures.csv'), 'utf8');
    expect(csv).toContain('省级补助资金=2000000; 县级配套资金=1500000');
    // On a phone, the page with the table does not scroll sideways.
    const browser = await launch();
    const served = await serveSite(dist);
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(new URL(new URL(c3!.url.zh).pathname, served.url).href);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      const narrowest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('.sections td, .sections th')].map(
            (c) => c.getBoundingClientRect().width,
          ),
        ),
      );
      // Three Chinese characters at the least (16 px each).
      expect(narrowest).toBeGreaterThanOrEqual(48);
    } finally {
      await browser.close();
      await served.close();
    }
  });

  it('says which headings had no number in a .doc file’s text', () => {
    expect(outputs.get('fmt-doc')).toMatch(
      /paragraph 3 \(“项目名称”\): 16 heading\(s\), this the first, carry no number in the file's text/,
    );
  });

  it.each([...VARIANTS.map((v) => v.slug), 'synth-f'])(
    '%s: every line of the text is on its zh page, the amount is exact, the markers are where the text put them',
    (slug) => {
      const data = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
        projects: {
          publication: string;
          slug: string;
          amount: { yuan: number } | { withheld: string };
          url: { zh: string; en: string };
          sections: { id: string; withheld: unknown }[];
        }[];
      };
      const project = data.projects.find((p) => p.publication === `${slug}-2021`)!;
      const variant = VARIANTS.find((v) => v.slug === slug);
      expect(project.amount).toEqual(expect.objectContaining({ yuan: variant?.yuan ?? 880_000 }));
      const page = cheerio.load(
        readFileSync(join(dist, new URL(project.url.zh).pathname, 'index.html'), 'utf8'),
      );
      const text = page('main').text().replace(/\s+/g, '');
      const lines = texts
        .get(slug)!
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .filter(Boolean)
        .slice(1);
      // Part headings show as the site's own section titles, so their numbering (一、, （1） 、, １、 …) is not compared.
      const compact = (line: string) => line.replace(/\s+/gu, '');
      const missing = lines.filter((line) => {
        const numbering = enumerationOf(line)?.length ?? 0;
        return (
          !text.includes(compact(line)) &&
          !text.includes(compact(line.trimStart().slice(numbering)))
        );
      });
      expect(missing).toEqual([]);
      const withheld = project.sections.filter((s) => s.withheld).map((s) => s.id);
      expect(withheld).toEqual(variant?.withheld ? ['feasibility', 'content', 'scale'] : []);
      // English from the day of import: the page says how much is in English and from where,
      // every heading is English, and each passage is marked with its origin.
      const en = cheerio.load(
        readFileSync(join(dist, new URL(project.url.en).pathname, 'index.html'), 'utf8'),
      );
      const coverage = en('[data-english-total]');
      expect(coverage.length).toBe(1);
      expect(Number(coverage.attr('data-english-translator'))).toBe(0);
      expect(en('.sections h2, .sections h3').text()).not.toMatch(/\p{Script=Han}/u);
      const marked = en('.sections [data-origin]').toArray();
      expect(marked.length).toBe(Number(coverage.attr('data-english-total')));
      for (const el of marked)
        if (en(el).attr('data-origin') === 'none')
          expect(
            en(el).find('[lang="zh-CN"]').length + (en(el).attr('lang') ? 1 : 0),
          ).toBeGreaterThan(0);
    },
  );

  it('marks the projects not wholly in English in the English listing', () => {
    const listing = cheerio.load(readFileSync(join(dist, 'en/projects/index.html'), 'utf8'));
    expect(listing('tr [data-english-partial]').length).toBe(
      6 + 2 * Object.keys(BUREAU_FILES).length + COUNTY.expected.length,
    );
  });
});

describe('files that are not the template are refused and write nothing', () => {
  const news =
    '瑞丽市召开2020年第一季度安全生产工作会议\n\n3月5日上午，市政府召开会议，部署一季度安全生产工作。\n会议要求各部门压实责任。\n';
  const truncated = readFileSync(SOURCE, 'utf8').split('6、 资金安排情况')[0]!;

  /** The fixture's text with lines changed, as a UTF-8 text file. */
  const edited = (edit: (lines: string[]) => string[]) => `${edit(fixtureLines()).join('\n')}\n`;
  const after = (line: string, extra: string) => (lines: string[]) =>
    lines.flatMap((l) => (l === line ? [l, extra] : [l]));
  const withheldThenText = edited(
    after('（一）、项目可行性：涉密不宜公开', '现有平台建于2014年。'),
  );
  const markerAmongText = edited(after('（涉密不宜公开）', '先期开展需求调研。'));
  const numberedPreface = edited(
    after(fixtureLines()[1]!, '1、关于2021年预算重点领域财政项目的说明'),
  );
  const formats = (name: string) => readFileSync(join(FORMATS_DIR, name));
  const lineOf = (text: string, words: string) =>
    text.split('\n').findIndex((l) => l.startsWith(words)) + 1;

  it.each([
    [
      'a news article',
      'input.txt',
      news,
      // What the line looks like, what was expected, and every form that part may take.
      /line 3: no project follows the title; expected part 1, 项目名称 \(printed as 项目名称\)\. A part's heading is its number, if any, then its title, .* e\.g\. 1、项目名称 \| 1\.项目名称 \| 一、项目名称 \| （一）项目名称 \| 第一部分 项目名称 \| 项目名称 \| 一、项目名称：…/,
    ],
    [
      'a truncated template',
      'input.txt',
      truncated,
      /line \d+: the project that starts on line 4 ends before its part 6; expected part 6, 资金安排情况 \(printed as 资金安排情况 \/ 资金安排 \/ 项目资金安排 \/ 项目资金安排情况\)/,
    ],
    [
      'a scanned PDF',
      'scan.pdf',
      formats('scanned.pdf'),
      /scan\.pdf: page 1 has no text: it is a scanned image; ask for the Word or text file$/m,
    ],
    [
      'a PDF that leaves out a part, named by page and line',
      'text.pdf',
      formats('broken.pdf'),
      /text\.pdf: page 2, line 1: “六、项目实施计划” \(numbered 六、\) is the heading of part 7 项目实施计划, out of order; expected part 6, 资金安排情况/,
    ],
    [
      'a damaged PDF',
      'cut.pdf',
      formats('bureau.pdf').subarray(0, 3000),
      /cut\.pdf: is not a PDF that can be read \(.+\); ask for the Word or text file$/m,
    ],
    [
      'a WPS file not in Word’s format',
      'text.wps',
      Buffer.from('WPS Office 专用格式'.repeat(100)),
      /text\.wps: is a WPS file that is not in Word's format; open it in WPS and save it as \.docx/,
    ],
    [
      'a line after a heading that withholds its part',
      'input.txt',
      withheldThenText,
      new RegExp(
        `input\\.txt: line ${lineOf(withheldThenText, '现有平台')}: “现有平台建于2014年。” follows “（一）、项目可行性：涉密不宜公开”, which withholds the part`,
      ),
    ],
    [
      'text beside a withheld marker',
      'input.txt',
      markerAmongText,
      new RegExp(
        `input\\.txt: line ${lineOf(markerAmongText, '先期')}: “先期开展需求调研。” stands in the same part as “（涉密不宜公开）”`,
      ),
    ],
    [
      'a numbered line before the first project',
      'input.txt',
      numberedPreface,
      /input\.txt: line 3: “1、关于2021年预算重点领域财政项目的说明” \(a line numbered 1、 whose words are not a part's title\) cannot be placed; expected part 1, 项目名称/,
    ],
  ])('%s', async (_, name, text, message) => {
    const target = temporary('import-bad-');
    cpSync(EXAMPLE_CONTENT, target, { recursive: true });
    const before = treeHashes(target);
    const file = join(temporary('import-input-'), name);
    writeFileSync(file, text);
    const result = await runImport([file, '--department-slug', 'news', '--content', target]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(message);
    expect(result.output).toContain('Nothing was written.');
    expect(treeHashes(target)).toEqual(before);
  });

  it('a duplicate import', async () => {
    const target = temporary('import-dup-');
    cpSync(EXAMPLE_CONTENT, target, { recursive: true });
    const before = treeHashes(target);
    const result = await runImport([SOURCE, '--department-slug', 'ruili-psb', '--content', target]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /exist already \(an earlier import\?\); give --force to replace them:[\s\S]*sources\/ruili-psb-2020-key-projects\.zh\.txt/,
    );
    expect(treeHashes(target)).toEqual(before);
    expect(existsSync(join(target, 'ruili-psb/2020/zh/she-an-cai-wu-guan-li.md'))).toBe(false);
  });
});
