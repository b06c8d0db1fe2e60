import { describe, expect, it } from 'vitest';
import { buildModel } from './build';
import { ContentError } from './problems';
import { readContent } from './read-content';
import type { ModelInput } from './types';

const ROOT = `${import.meta.dirname}/../..`;

function realInput(): ModelInput {
  const { input, problems } = readContent(ROOT);
  expect(problems).toEqual([]);
  return structuredClone(input);
}

/** The problems buildModel reports for this input, as "file path: message" lines. */
function problemsOf(input: ModelInput): string[] {
  try {
    buildModel(input);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map((p) => `${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
  }
}

const original = (input: ModelInput, slug: string) => input.disclosures.find((e) => e.id.endsWith(`/zh/${slug}`))!;
const translation = (input: ModelInput, slug: string) => input.translations.find((e) => e.id.endsWith(`/en/${slug}`))!;

describe('buildModel on the real content', () => {
  const model = buildModel(realInput());

  it('has the three projects in published order with their amounts', () => {
    expect(model.projects.map((p) => [p.slug, p.amountYuan])).toEqual([
      ['case-property-centre', 7000000],
      ['case-handling-centre', 20129500],
      ['face-recognition-system', 13000000],
    ]);
  });

  it('computes the total: 4012.95万元 = ¥40,129,500', () => {
    expect(model.totalYuan).toBe(40129500);
    expect(model.publications[0]!.totalYuan).toBe(40129500);
  });

  it('counts withheld sections by the documented rule (4 of 13 for the case-handling centre)', () => {
    const counts = Object.fromEntries(model.projects.map((p) => [p.slug, [p.withheldUnits, p.units, p.markers.length]]));
    expect(counts).toEqual({
      'case-property-centre': [0, 13, 0],
      'case-handling-centre': [4, 13, 4],
      'face-recognition-system': [0, 16, 0],
    });
    expect(model.projects[1]!.sections.filter((s) => s.withheld).map((s) => s.id)).toEqual(['feasibility', 'approach', 'content', 'scale']);
    expect([model.withheldUnits, model.units]).toEqual([4, 42]);
  });

  it('gives every project the eight standard sections with the same ids', () => {
    for (const project of model.projects) {
      expect(project.sections.filter((s) => s.level === 2).map((s) => s.id)).toEqual([
        'name', 'basis', 'implementing-unit', 'overview', 'content', 'funding', 'plan', 'outcomes',
      ]);
    }
  });
});

describe('buildModel checks', () => {
  it('fails when a disclosure has no English translation', () => {
    const input = realInput();
    input.translations = input.translations.filter((t) => !t.id.endsWith('/face-recognition-system'));
    expect(problemsOf(input)).toEqual([
      'content/ruili-psb/2020/zh/face-recognition-system.md: no English translation: add content/ruili-psb/2020/en/face-recognition-system.md with the same sections',
    ]);
  });

  it('fails when a translation has no original', () => {
    const input = realInput();
    input.disclosures = input.disclosures.filter((t) => !t.id.endsWith('/face-recognition-system'));
    expect(problemsOf(input)).toContainEqual(expect.stringMatching(/en\/face-recognition-system\.md: translation has no Chinese original/));
  });

  it('fails when the English sections differ', () => {
    const input = realInput();
    const en = translation(input, 'case-property-centre');
    en.body = en.body.replace('### (2) Investment estimate {#estimate}', '### (2) Investment estimate {#budget}');
    expect(problemsOf(input)).toEqual([expect.stringMatching(/en\/case-property-centre\.md: sections differ from the Chinese original[\s\S]*###estimate[\s\S]*###budget/)]);
  });

  it('fails when the English withheld set differs', () => {
    const input = realInput();
    const en = translation(input, 'case-handling-centre');
    en.body = en.body.replace('### (1) Scale of construction {#scale}\n\n::withheld{reason=classified}', '### (1) Scale of construction {#scale}\n\nA building.');
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.stringMatching(/en\/case-handling-centre\.md: sections differ[\s\S]*###scale\(withheld:classified\)/));
    expect(problems).toContainEqual(expect.stringMatching(/withheld markers differ from the Chinese original/));
  });

  it('fails when a frontmatter section is withheld in one language only', () => {
    const input = realInput();
    translation(input, 'case-handling-centre').data.implementingUnit = { withheld: 'classified' };
    expect(problemsOf(input)).toEqual([expect.stringMatching(/en\/case-handling-centre\.md implementingUnit: must be withheld exactly when/)]);
  });

  it('cross-checks numbers between the languages, section by section', () => {
    const input = realInput();
    const en = translation(input, 'face-recognition-system');
    en.body = en.body.replace('400 channels', '4,000 channels').replace('no less than 30 days', 'no less than thirty days');
    expect(problemsOf(input)).toEqual([
      'content/ruili-psb/2020/en/face-recognition-system.md #content-capture: numbers differ from the Chinese original; missing 400; not in the original 4000 (700万元 may be written 7 million or 7,000,000)',
      'content/ruili-psb/2020/en/face-recognition-system.md #content-storage: numbers differ from the Chinese original; missing 30 (700万元 may be written 7 million or 7,000,000)',
    ]);
  });

  it('accepts the documented amount conversions', () => {
    const input = realInput();
    const en = translation(input, 'case-property-centre');
    en.body = en.body.replace('CNY 7 million (¥7,000,000) project', '7,000,000 yuan project');
    expect(problemsOf(input)).toEqual([]);
  });

  it('fails when the funding figure is not the one in the published text', () => {
    const input = realInput();
    const zh = original(input, 'case-property-centre');
    zh.data.funding = { amountYuan: 8000000, published: '800万元', source: '财政预算非税安排经费' };
    expect(problemsOf(input)).toContainEqual('content/ruili-psb/2020/zh/case-property-centre.md funding.published: "800万元" does not appear in the ## 资金安排情况 {#funding} section');
  });

  it('fails on duplicate slugs and orders, listing every problem at once', () => {
    const input = realInput();
    const face = original(input, 'face-recognition-system');
    face.data.slug = 'case-property-centre';
    face.data.order = 2;
    expect(problemsOf(input)).toEqual([
      'content/ruili-psb/2020/zh/face-recognition-system.md slug: project slug "case-property-centre" is already used by content/ruili-psb/2020/zh/case-property-centre.md',
      'content/ruili-psb/2020/zh/face-recognition-system.md order: order "2" is already used by content/ruili-psb/2020/zh/case-handling-centre.md',
    ]);
  });

  it('fails when the source text does not match its recorded SHA-256', () => {
    const input = realInput();
    input.sourceHashes['ruili-psb-2020-key-projects.zh.txt'] = '0'.repeat(64);
    expect(problemsOf(input)).toEqual([expect.stringMatching(/publication\.yaml source\.sha256: content\/sources\/ruili-psb-2020-key-projects\.zh\.txt has SHA-256 0{64}/)]);
  });

  it('reports a leaking withheld directive with file and line', () => {
    const input = realInput();
    const zh = original(input, 'case-handling-centre');
    zh.body = zh.body.replace('### （一）、建设规模 {#scale}\n\n::withheld{reason=classified}', '### （一）、建设规模 {#scale}\n\n::withheld[总面积2500平方米]{reason=classified}');
    const { problems } = (() => {
      try {
        buildModel(input);
        return { problems: [] };
      } catch (error) {
        return error as ContentError;
      }
    })();
    expect(problems).toContainEqual(expect.objectContaining({
      file: 'content/ruili-psb/2020/zh/case-handling-centre.md',
      line: expect.any(Number),
      message: expect.stringMatching(/section #scale: a withheld directive must be empty/),
    }));
  });
});
