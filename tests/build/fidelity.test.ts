import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripEnumeration } from '../../src/domain/enumeration';
import { compactText, page as pageIn } from '../support/dist';
import { EXAMPLE_CONTENT, EXAMPLE_DIST } from '../support/paths';
/** These tests check facts about the example publication: they read its build (tests/fixtures/example), whatever content/ holds. */
const page = (path: string) => pageIn(path, EXAMPLE_DIST);

const SOURCE = join(EXAMPLE_CONTENT, 'sources/ruili-psb-2020-key-projects.zh.txt');
const SLUGS = ['case-property-centre', 'case-handling-centre', 'face-recognition-system'];

/** The source's lines, split into the document title and each project's lines (a project starts at "1、 项目名称"). */
function sourceProjects(): { title: string; projects: string[][] } {
  const lines = readFileSync(SOURCE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const [title, ...rest] = lines;
  const projects: string[][] = [];
  for (const line of rest) {
    if (/^1、\s*项目名称$/.test(line)) projects.push([]);
    projects.at(-1)!.push(line);
  }
  return { title: title!, projects };
}

describe('fidelity to the published text', () => {
  it('uses the repository copy of the source, with the expected SHA-256', () => {
    const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex');
    expect(hash).toBe('25a81f6ff86deee051d8e423ff43db00d9977926447486c77237ed2ff756429b');
    expect(readFileSync(join(EXAMPLE_DIST, 'sources/ruili-psb-2020-key-projects.zh.txt'))).toEqual(
      readFileSync(SOURCE),
    );
    expect(page('/ruili-psb/2020/source/')('[data-sha256]').text()).toBe(hash);
  });

  it('shows the document title on the publication page', () => {
    expect(compactText(page('/ruili-psb/2020/'))).toContain(sourceProjects().title);
  });

  const { projects } = sourceProjects();
  it('splits the source into the three projects', () => expect(projects).toHaveLength(3));

  projects.forEach((lines, i) => {
    it(`carries every line of project ${i + 1} verbatim on /ruili-psb/2020/${SLUGS[i]!}/`, () => {
      const text = compactText(page(`/ruili-psb/2020/${SLUGS[i]!}/`), '.sections');
      const missing = lines.filter(
        (line) => !text.includes(stripEnumeration(line).replace(/\s+/g, '')),
      );
      expect(missing).toEqual([]);
    });
  });

  it('keeps the quirks of the source', () => {
    expect(
      compactText(
        page('/ruili-psb/2020/case-property-centre/'),
        '.heading-group:has(#funding) + p',
      ),
    ).toBe('本年度预算安排为700万元项目实施计划');
    const face = compactText(page('/ruili-psb/2020/face-recognition-system/'), '.sections');
    for (const quirk of [
      '（1）、项目可行性',
      '1、政策可行性',
      '（二）、总体思路',
      '（四）、实施周期',
    ])
      expect(face).toContain(quirk);
  });
});
