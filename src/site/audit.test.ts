import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, toWan, wanToYuan } from '../domain/amount';
import { LOCALES, type Locale } from '../domain/locales';
import { localePrefix, paths } from '../domain/urls';
import { ContentFixture } from '../generate/fixture';
import { checkContent } from '../check/check';
import type { Model, Project } from '../model/types';
import { auditOutput } from './audit';
import { AuditMemo } from './audit-memo';
import { emitJsonFiles, readSiteData } from './data-files';
import { formatJson } from './links';

/** The project root: the code the memo's digests are stamped with. */
const ROOT = resolve(import.meta.dirname, '../..');
const SITE = 'https://example.org';

/** A page that shows exactly what the model holds of a project, in the markup the site's views give it. */
function pageOf(project: Project, locale: Locale): string {
  const summary = `<section class="summary"><p>${project.amountYuan === null ? '' : formatWan(project.amountYuan)}</p></section>`;
  if (locale === 'en' && project.translation === null)
    return `<main><article class="project">${summary}<p data-translation-pending>pending</p></article></main>`;
  const sections = project.sections.map((s) => {
    const markers = project.markers
      .filter((m) => m.sectionId === s.id)
      .map(
        (m) =>
          `<div class="withheld" data-withheld="${m.reason}"><strong>涉密不宜公开</strong> <a href="/withheld/">?</a></div>`,
      );
    return [
      `<div class="heading-group"><h2 id="${s.id}"><a class="section-link" href="#${s.id}">${s.title[locale]}</a></h2><a class="section-language" href="/en/#${s.id}" aria-label="English"></a></div>`,
      ...s.paragraphs[locale].map(
        (p, i) =>
          `<p id="${s.id}-p${i + 1}">${p}<a class="passage-link" href="#${s.id}-p${i + 1}" aria-label="本段链接"></a></p>`,
      ),
      ...markers,
    ].join('\n');
  });
  return `<main><article class="project">${summary}<div class="sections">${sections.join('\n')}</div></article></main>`;
}

const fileOf = (project: Project, locale: Locale) =>
  `${localePrefix(locale)}${paths.project(project.publication.data, project.slug)}index.html`;

describe('the output audit of project pages', () => {
  const content = new ContentFixture({ count: 12, seed: 3 });
  const work = mkdtempSync(join(tmpdir(), 'audit-memo-'));
  const dist = join(work, 'dist');
  const memoFile = join(work, 'cache', 'audited.json');
  let model: Model;
  let pages: number;

  const writePage = (file: string, html: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  };
  const readPageFile = (file: string) => readFileSync(join(dist, file), 'utf8');
  /** One audit with the memo as the last audit saved it; the project pages' problems (this test writes no data files). */
  const audit = (root = ROOT) => {
    const memo = new AuditMemo(memoFile, root);
    const { problems, passed } = auditOutput(
      dist,
      model,
      SITE,
      '',
      { hosts: ['www.gov.cn'], mailto: [] },
      memo,
    );
    memo.save();
    return {
      problems: problems.filter((p) => p.file.endsWith('index.html')),
      vouched: memo.vouched,
      passed,
    };
  };
  /** The audit's problems with one page changed by `edit`; the page is put back afterwards. */
  const problemsWith = (file: string, edit: (html: string) => string) => {
    const before = readPageFile(file);
    const after = edit(before);
    expect(after).not.toBe(before);
    writePage(file, after);
    try {
      return audit().problems;
    } finally {
      writePage(file, before);
    }
  };

  beforeAll(async () => {
    const checked = await checkContent(content.dir);
    expect(checked.problems).toEqual([]);
    model = checked.model!;
    for (const project of model.projects)
      for (const locale of LOCALES) writePage(fileOf(project, locale), pageOf(project, locale));
    pages = model.projects.length * LOCALES.length;
  });
  afterAll(() => {
    content.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it('passes pages that read exactly as the content, and gives the digest of each', () => {
    const { problems, passed } = audit();
    expect(problems).toEqual([]);
    expect(passed.size).toBe(pages);
  });

  describe('refuses a page that says other than the content', () => {
    const withheld = () => model.projects.find((p) => p.sections.some((s) => s.withheld))!;
    const disclosed = () =>
      model.projects.find(
        (p) => p.amountYuan !== null && p.sections.some((s) => s.paragraphs.zh.length > 0),
      )!;

    it('a paragraph inside a withheld section', () => {
      const project = withheld();
      const section = project.sections.find((s) => s.withheld)!;
      const file = fileOf(project, 'zh');
      const problems = problemsWith(file, (html) =>
        html.replace(
          new RegExp(`(<h2 id="${section.id}">.*?</h2>.*?</div>)`),
          '$1\n<p>本段不在原文中。</p>',
        ),
      );
      expect(problems).toEqual([
        { file, message: `section #${section.id} is withheld, yet shows "本段不在原文中。"` },
      ]);
    });

    it('an element beside the marker of a withheld section, even with no text', () => {
      const project = withheld();
      const section = project.sections.find((s) => s.withheld)!;
      const file = fileOf(project, 'zh');
      const problems = problemsWith(file, (html) =>
        html.replace(
          new RegExp(`(<h2 id="${section.id}">.*?</h2>.*?</div>)`),
          '$1\n<p><img alt="" src="/x.png"></p>',
        ),
      );
      expect(problems).toEqual([
        { file, message: `section #${section.id} is withheld, yet holds more than its marker` },
      ]);
    });

    it('a figure changed, in the text and in the summary', () => {
      const project = disclosed();
      const file = fileOf(project, 'zh');
      const wan = toWan(project.amountYuan!);
      const changed = `9${wan}`;
      const problems = problemsWith(file, (html) =>
        html.replace(`<p>${wan}万元</p>`, `<p>${changed}万元</p>`),
      );
      expect(problems).toEqual([
        {
          file,
          message: `shows ${String(wanToYuan(changed))} in "${changed}万元", which is not a figure of the project`,
        },
      ]);
      const section = project.sections.find((s) => /\d/.test(s.paragraphs.zh.join('')))!;
      const paragraph = section.paragraphs.zh.find((p) => /\d/.test(p))!;
      const altered = paragraph.replace(/\d/, (d) => String((Number(d) + 1) % 10));
      const inText = problemsWith(file, (html) => html.replace(`>${paragraph}<`, `>${altered}<`));
      expect(inText).toHaveLength(1);
      expect(inText[0]!.message).toMatch(
        new RegExp(`^section #${section.id} does not read as the content: the page has`),
      );
    });

    it('a sentence added to a section', () => {
      const project = disclosed();
      const section = project.sections.find((s) => s.paragraphs.en.length > 0)!;
      const file = fileOf(project, 'en');
      const last = section.paragraphs.en.at(-1)!;
      const problems = problemsWith(file, (html) =>
        html.replace(`>${last}<`, `>${last} And one more sentence.<`),
      );
      expect(problems).toEqual([
        {
          file,
          message: expect.stringMatching(
            new RegExp(
              `^section #${section.id} does not read as the content: the page has ".*Andonemoresentence\\.`,
            ),
          ),
        },
      ]);
    });

    it('a link to a host that neither the site nor its content names, and a script', () => {
      const project = disclosed();
      const file = fileOf(project, 'zh');
      const problems = problemsWith(file, (html) =>
        html.replace(
          '</article>',
          '<nav><a rel="next" href="https://evil.example/next/">next</a><a href="https://www.gov.cn/">ok</a><a href="/elsewhere/">ok</a></nav></article><script>alert(1)</script>',
        ),
      );
      expect(problems).toEqual([
        {
          file,
          message:
            'links to https://evil.example/next/, which neither the site nor its content names',
        },
        { file, message: 'carries a script; project pages ship none' },
      ]);
    });

    it('a section dropped, and a withheld marker dropped', () => {
      const project = withheld();
      const section = project.sections.find((s) => s.withheld)!;
      const file = fileOf(project, 'zh');
      expect(
        problemsWith(file, (html) =>
          html.replace(`<h2 id="${section.id}">`, '<h2 id="elsewhere">'),
        ),
      ).toContainEqual({ file, message: `section #${section.id} is missing` });
      expect(
        problemsWith(file, (html) =>
          html.replace(/<div class="withheld" data-withheld="[^"]+">/, '<div>'),
        ),
      ).toContainEqual(expect.objectContaining({ file }));
    });
  });

  describe('with a memo of passed pages', () => {
    it('parses every page the first time, then vouches for the same bytes against the same content', () => {
      rmSync(memoFile, { force: true });
      expect(audit()).toMatchObject({ problems: [], vouched: 0 });
      expect(audit()).toMatchObject({ problems: [], vouched: pages });
    });

    it('parses again a page whose bytes changed, and finds what it lacks', () => {
      audit();
      const project = model.projects[0]!;
      const section = project.sections[0]!;
      const file = fileOf(project, 'zh');
      writePage(file, pageOf(project, 'zh').replace(`id="${section.id}"`, 'id="elsewhere"'));
      const { problems, vouched } = audit();
      expect(vouched).toBe(pages - 1);
      expect(problems).toEqual([{ file, message: `section #${section.id} is missing` }]);
      writePage(file, pageOf(project, 'zh'));
      // The failed page was not kept: it is parsed again once mended.
      expect(audit().vouched).toBe(pages - 1);
    });

    it('parses again a page whose content changed though its bytes did not', () => {
      audit();
      const project = model.projects[1]!;
      const section = project.sections.find((s) => s.paragraphs.zh.length > 0)!;
      const before = section.paragraphs.zh;
      section.paragraphs.zh = [...before, '本段为测试所加。'];
      try {
        const { problems, vouched } = audit();
        expect(vouched).toBe(pages - 1);
        expect(problems).toEqual([
          {
            file: fileOf(project, 'zh'),
            message: `section #${section.id} does not read as the content: the page has (the end) where the content has "…${before.join('').replace(/\s+/g, '').slice(-10)}本段为测试所加。"`,
          },
        ]);
      } finally {
        section.paragraphs.zh = before;
      }
    });

    it('vouches for nothing when the code changed, or when the memo is unreadable', () => {
      audit();
      // A root whose src/, Astro config and lock file differ (here: none) stamps other digests.
      expect(audit(work).vouched).toBe(0);
      writeFileSync(memoFile, '{"not": "a list"');
      expect(audit()).toMatchObject({ problems: [], vouched: 0 });
    });
  });
});

describe('the output audit of the data files', () => {
  const content = new ContentFixture({ count: 4, seed: 5 });
  const work = mkdtempSync(join(tmpdir(), 'audit-data-'));
  const dist = join(work, 'dist');
  let model: Model;

  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  };
  /** The data files' problems of one audit of `of` (no pages are written: their problems are left out). */
  const dataProblems = (of = model) =>
    auditOutput(
      dist,
      of,
      SITE,
      '',
      { hosts: [], mailto: [] },
      new AuditMemo(join(work, 'memo.json'), ROOT),
    ).problems.filter((p) => p.file.startsWith('data/'));
  /** The problems with one file changed by `edit` (or removed, for null); the file is put back afterwards. */
  const problemsWith = (file: string, edit: ((text: string) => string) | null) => {
    const before = readFileSync(join(dist, file), 'utf8');
    if (edit) {
      const after = edit(before);
      expect(after).not.toBe(before);
      write(file, after);
    } else rmSync(join(dist, file));
    try {
      return dataProblems();
    } finally {
      write(file, before);
    }
  };

  beforeAll(async () => {
    const checked = await checkContent(content.dir);
    expect(checked.problems).toEqual([]);
    model = checked.model!;
    const data = readSiteData(model, SITE, '');
    // As the data step writes them: disclosures.json in pieces.
    const pieces = new Map<string, string>();
    emitJsonFiles(data, {
      whole: write,
      piece: (file, text) => pieces.set(file, (pieces.get(file) ?? '') + text),
    });
    for (const [file, text] of pieces) write(file, text);
    write('data/disclosures.csv', data.csv);
    write('data/totals.csv', data.totalsCsv);
    for (const [file, csv] of data.departmentCsv) write(file, csv);
  });
  afterAll(() => {
    content.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it('passes the files as written, and disclosures.json is formatJson of the records whole', async () => {
    expect(dataProblems()).toEqual([]);
    const data = readSiteData(model, SITE, '');
    expect(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')).toBe(formatJson(data.file));
    // A model of its own, whose files no step formatted: the audit formats them itself.
    const again = (await checkContent(content.dir)).model!;
    expect(again).not.toBe(model);
    expect(dataProblems(again)).toEqual([]);
  });

  it('refuses a project’s file with a figure changed, or the same record written otherwise', () => {
    const file = readSiteData(model, SITE, '').projectFiles[0]!;
    const problem = { file, message: 'does not hold exactly the project’s record' };
    expect(
      problemsWith(file, (text) =>
        text.replace(/"fiscalYear": (\d+)/, (_, n) => `"fiscalYear": ${Number(n) + 1}`),
      ),
    ).toEqual([problem]);
    expect(problemsWith(file, (text) => JSON.stringify(JSON.parse(text)))).toEqual([problem]);
    expect(problemsWith(file, null)).toEqual([problem]);
  });

  it('refuses disclosures.json and index.json missing or changed', () => {
    expect(problemsWith('data/disclosures.json', null)).toEqual([
      { file: 'data/disclosures.json', message: 'does not hold exactly the records of the model' },
    ]);
    expect(problemsWith('data/index.json', (text) => `${text} `)).toEqual([
      { file: 'data/index.json', message: 'does not hold exactly the index of the model' },
    ]);
  });
});
