import { describe, expect, it } from 'vitest';
import type { ProjectZh } from '../schema/project';
import { computeRevisions, diffWords } from './revisions';
import type { Outline, ProjectState } from './types';

/** A project in one version: its funding and the text of two body sections (null: withheld). */
function state(options: {
  amount: string | null;
  feasibility: string | null;
  approach?: string;
}): ProjectState {
  const data = {
    slug: 'p001',
    order: 1,
    name: '合成市档案馆数字化项目',
    basis: [{ published: '（一）、合成市人民政府办公室会议纪要' }],
    implementingUnit: { unit: '合成市档案馆' },
    funding:
      options.amount === null
        ? { withheld: 'classified' }
        : { amountYuan: Number.parseFloat(options.amount) * 10_000, published: options.amount },
    plan: { period: { published: '2021年度' } },
  } as ProjectZh;
  const section = (id: string, title: string, text: string | null) => ({
    id,
    level: 3 as const,
    title,
    withheld: text === null ? ('classified' as const) : null,
    blocks: text === null ? [title] : [title, text],
    passages: text === null ? [] : [text],
    origins: [],
    line: undefined,
  });
  const outline: Outline = {
    sections: [
      section('feasibility', '（一）、项目可行性', options.feasibility),
      section('approach', '（二）、总体思路', options.approach ?? '分步实施。'),
    ],
    markers: [],
  };
  return { data, outline };
}
const versions = [1, 2, 3].map((version) => ({
  version,
  date: `2026-0${version}-01`,
  revisedOn: null,
  note: null,
  noteEn: null,
}));

describe('word-level diffs', () => {
  it('keeps a number whole and a Chinese character by itself', () => {
    expect(diffWords('本年度预算安排为612.8万元。', '本年度预算安排为652.8万元。')).toEqual([
      { kind: 'same', text: '本年度预算安排为' },
      { kind: 'del', text: '612.8' },
      { kind: 'ins', text: '652.8' },
      { kind: 'same', text: '万元。' },
    ]);
    expect(diffWords('再配设备', '再配教学设备')).toEqual([
      { kind: 'same', text: '再配' },
      { kind: 'ins', text: '教学' },
      { kind: 'same', text: '设备' },
    ]);
  });

  it('is the same every time', () => {
    const a = '现有库房建于2009年，漏雨返潮37处。';
    const b = '现有库房建于2010年，漏雨37处，返潮12处。';
    expect(diffWords(a, b)).toEqual(diffWords(a, b));
  });
});

describe('revisions', () => {
  it('lists the changed figures and words, newest first', () => {
    const revisions = computeRevisions(
      [
        state({ amount: '612.8万元', feasibility: '库房漏雨。' }),
        state({ amount: '652.8万元', feasibility: '库房漏雨。' }),
        state({ amount: '652.8万元', feasibility: '库房漏雨。', approach: '先易后难，分步实施。' }),
      ],
      versions,
    );
    expect(revisions.map((r) => r.version)).toEqual([3, 2]);
    expect(revisions[1]!.figures).toEqual([
      { field: 'funding', from: '612.8万元', to: '652.8万元' },
    ]);
    expect(revisions[0]!.sections).toEqual([
      expect.objectContaining({ id: 'approach', kind: 'changed' }),
    ]);
  });

  it('never shows the words of a section withheld now, in any revision', () => {
    const revisions = computeRevisions(
      [
        state({ amount: '612.8万元', feasibility: '库房建于2009年。' }),
        state({ amount: '612.8万元', feasibility: '库房建于2010年。' }),
        state({ amount: '612.8万元', feasibility: null }),
      ],
      versions,
    );
    expect(revisions[0]!.sections).toEqual([
      { id: 'feasibility', title: '（一）、项目可行性', kind: 'withheld', diff: null },
    ]);
    // Changed in version 2, while it was disclosed: said, but not shown.
    expect(revisions[1]!.sections).toEqual([
      { id: 'feasibility', title: '（一）、项目可行性', kind: 'changed', diff: null },
    ]);
    expect(JSON.stringify(revisions)).not.toMatch(/2009|2010|库房/);
  });

  it('never lists the figures of an amount withheld now', () => {
    const revisions = computeRevisions(
      [
        state({ amount: '612.8万元', feasibility: '库房漏雨。' }),
        state({ amount: '652.8万元', feasibility: '库房漏雨。' }),
        state({ amount: null, feasibility: '库房漏雨。' }),
      ],
      versions,
    );
    expect(JSON.stringify(revisions)).not.toMatch(/612\.8|652\.8/);
    expect(revisions[1]!.figures).toEqual([{ field: 'funding', from: null, to: null }]);
  });

  it('shows a section disclosed later as inserted, and marks a project new in a version', () => {
    const [disclosed] = computeRevisions(
      [
        state({ amount: '1万元', feasibility: null }),
        state({ amount: '1万元', feasibility: '库房漏雨。' }),
      ],
      versions,
    );
    expect(disclosed!.sections[0]).toEqual(
      expect.objectContaining({ kind: 'disclosed', diff: [{ kind: 'ins', text: '库房漏雨。' }] }),
    );
    const [added] = computeRevisions(
      [null, state({ amount: '1万元', feasibility: null })],
      versions,
    );
    expect(added).toEqual(expect.objectContaining({ version: 2, added: true }));
  });
});
