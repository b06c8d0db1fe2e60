import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../domain/locales';
import { localePrefix, paths } from '../domain/urls';
import { ContentFixture } from '../generate/fixture';
import { checkContent } from '../markdown/check';
import type { Model, Project } from '../model/types';
import { AuditMemo, auditOutput } from './audit';

/** The project root: the code the memo's digests are stamped with. */
const ROOT = resolve(import.meta.dirname, '../..');

/** A page that shows exactly what the model holds of a project, as the site's views do. */
function pageOf(project: Project, locale: Locale): string {
  if (locale === 'en' && project.translation === null)
    return '<main><p data-translation-pending>pending</p></main>';
  const sections = project.sections.map(
    (s) =>
      `<section><h2 id="${s.id}">t</h2>${s.paragraphs[locale].map((p) => `<p>${p}</p>`).join('')}</section>`,
  );
  const markers = project.markers.map(
    (m) => `<p class="withheld" data-withheld="${m.reason}">w</p>`,
  );
  return `<main><div class="sections">${sections.join('')}${markers.join('')}</div></main>`;
}

const fileOf = (project: Project, locale: Locale) =>
  `${localePrefix(locale)}${paths.project(project.publication.data, project.slug)}index.html`;

describe('the output audit with a memo of passed pages', () => {
  const content = new ContentFixture({ count: 8, seed: 3 });
  const work = mkdtempSync(join(tmpdir(), 'audit-memo-'));
  const dist = join(work, 'dist');
  const memoFile = join(work, 'cache', 'audited.json');
  let model: Model;
  let pages: number;

  const writePage = (file: string, html: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  };
  /** One audit with the memo as the last audit saved it; the project pages' problems (this test writes no data files). */
  const audit = (root = ROOT) => {
    const memo = new AuditMemo(memoFile, root);
    const problems = auditOutput(dist, model, 'https://example.org', '', memo).filter((p) =>
      p.file.endsWith('index.html'),
    );
    memo.save();
    return { problems, vouched: memo.vouched };
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

  it('parses every page the first time, then vouches for the same bytes against the same content', () => {
    expect(audit()).toEqual({ problems: [], vouched: 0 });
    expect(audit()).toEqual({ problems: [], vouched: pages });
  });

  it('parses again a page whose bytes changed, and finds what it lacks', () => {
    audit();
    const project = model.projects[0]!;
    const section = project.sections[0]!;
    writePage(
      fileOf(project, 'zh'),
      pageOf(project, 'zh').replace(`id="${section.id}"`, 'id="elsewhere"'),
    );
    const { problems, vouched } = audit();
    expect(vouched).toBe(pages - 1);
    expect(problems).toEqual([
      { file: fileOf(project, 'zh'), message: `section #${section.id} is missing` },
    ]);
    writePage(fileOf(project, 'zh'), pageOf(project, 'zh'));
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
          message: `section #${section.id} lacks the paragraph "本段为测试所加。"`,
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
    expect(audit()).toEqual({ problems: [], vouched: 0 });
  });
});
