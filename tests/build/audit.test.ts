import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
import type { Model } from '../../src/model/types';
import { auditOutput } from '../../src/site/audit';
import { AuditMemo } from '../../src/site/audit-memo';
import { localePrefix, paths } from '../../src/domain/urls';
import { EXAMPLE_CONTENT, EXAMPLE_DIST, ROOT, TEST_SITE } from '../support/paths';

/**
 * The output audit against the site's own markup, on the example publication's build:
 * a page of the built site, altered in each way that once went unnoticed,
 * fails the audit; the page as built passes.
 */
describe('the output audit of a built project page', () => {
  const work = mkdtempSync(join(tmpdir(), 'audit-built-'));
  let model: Model;
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(async () => {
    model = await loadModel(EXAMPLE_CONTENT);
  });

  /** The audit's problems for the built site with one project page changed by `edit`. */
  const auditWith = (file: string, edit: (html: string) => string) => {
    const dist = mkdtempSync(join(work, 'dist-'));
    cpSync(EXAMPLE_DIST, dist, { recursive: true, dereference: true });
    const before = readFileSync(join(dist, file), 'utf8');
    const after = edit(before);
    expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
    writeFileSync(join(dist, file), after);
    const memo = new AuditMemo(join(dist, 'memo.json'), ROOT);
    return auditOutput(dist, model, TEST_SITE, '/', { hosts: [], mailto: [] }, memo).problems;
  };
  const pageFile = (locale: 'zh' | 'en', project: Model['projects'][number]) =>
    `${localePrefix(locale)}${paths.project(project.publication.data, project.slug)}index.html`;

  it('passes every page as built', () => {
    const memo = new AuditMemo(join(work, 'memo.json'), ROOT);
    expect(
      auditOutput(EXAMPLE_DIST, model, TEST_SITE, '/', { hosts: [], mailto: [] }, memo).problems,
    ).toEqual([]);
  });

  it('refuses a paragraph inside a withheld section', () => {
    const project = model.projects.find((p) =>
      p.sections.some((s) => s.withheld && !s.fromFrontmatter),
    );
    if (!project) {
      expect(model.projects.every((p) => p.sectionsWithheld === 0)).toBe(true);
      return;
    }
    const section = project.sections.find((s) => s.withheld && !s.fromFrontmatter)!;
    const file = pageFile('zh', project);
    const problems = auditWith(file, (html) =>
      html.replace(
        new RegExp(`(<h[23] id="${section.id}">[\\s\\S]*?)(<div class="withheld")`),
        '$1<p>这段文字不在原文中。</p>$2',
      ),
    );
    expect(problems).toContainEqual({
      file,
      message: `section #${section.id} is withheld, yet shows "这段文字不在原文中。"`,
    });
  });

  it('refuses a changed figure, in the summary and in the text', () => {
    const project = model.projects.find((p) => p.amountYuan !== null)!;
    const file = pageFile('zh', project);
    const problems = auditWith(file, (html) => html.replaceAll(/(\d+(?:\.\d+)?)万元/g, '9$1万元'));
    expect(
      problems.some(
        (p) => p.file === file && /which is not a figure of the project$/.test(p.message),
      ),
    ).toBe(true);
    expect(
      problems.some(
        (p) => p.file === file && /^section #funding does not read as the content/.test(p.message),
      ),
    ).toBe(true);
  });

  it('refuses an added sentence', () => {
    const project = model.projects.find((p) => p.translation !== null)!;
    const file = pageFile('en', project);
    const problems = auditWith(file, (html) =>
      html.replace(/(<p id="outcomes-p1"[^>]*>)/, '$1This sentence is not in the text. '),
    );
    expect(problems).toEqual([
      {
        file,
        message: expect.stringMatching(
          /^section #outcomes does not read as the content: the page has "[^"]*Thissentenceisnotinthetext\./,
        ),
      },
    ]);
  });

  it('refuses a link to another host', () => {
    const project = model.projects[0]!;
    const file = pageFile('zh', project);
    const problems = auditWith(file, (html) =>
      html.replace(
        '</article>',
        '<a rel="next" href="https://evil.example/next/">下一个</a></article>',
      ),
    );
    expect(problems).toEqual([
      {
        file,
        message:
          'links to https://evil.example/next/, which neither the site nor its content names',
      },
    ]);
  });
});
