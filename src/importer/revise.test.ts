import { describe, expect, it } from 'vitest';
import { reviseProject, reviseTranslation } from './revise';

/** A zh file as the importer writes it, with the given funding line and feasibility text. */
const imported = (funding: string, feasibility: string) => `---
slug: p001
order: 1
name: 合成市档案馆数字化项目
funding:
  amountYuan: 7000000
  published: ${funding}
---

## 项目基本概况 {#overview}

### （一）、项目可行性 {#feasibility}

${feasibility}

### （二）、总体思路 {#approach}

分步实施。

## 项目实施成效 {#outcomes}

查阅时间缩短。
`;

describe('a project’s file in the next version', () => {
  const before = imported('700万元', '库房漏雨。');
  // What a person made of it: a note, a subsection's id renamed, a promoted heading.
  const refined = before
    .replace('{#approach}', '{#approach-steps}')
    .replace('分步实施。\n', '分步实施。\n\n#### 第一步\n\n先易后难。\n')
    .replace('查阅时间缩短。\n', ':::editor-note\n原文如此。\n:::\n\n查阅时间缩短。\n');

  it('keeps every unchanged section exactly as a person left it', () => {
    const after = imported('700万元', '库房漏雨，已不能使用。');
    const revised = reviseProject(refined, before, after);
    expect(revised.text).toContain(
      '### （二）、总体思路 {#approach-steps}\n\n分步实施。\n\n#### 第一步\n\n先易后难。\n',
    );
    expect(revised.text).toContain(':::editor-note\n原文如此。\n:::\n\n查阅时间缩短。\n');
    expect(revised.text).toContain('库房漏雨，已不能使用。');
    expect(revised.changed).toEqual(['#feasibility']);
    expect(revised.rebuilt).toBe(false);
  });

  it('imports a changed field again and keeps an unchanged one as a person wrote it', () => {
    const edited = refined.replace('name: 合成市档案馆数字化项目', 'name: 合成市档案馆数字化项目 ');
    const revised = reviseProject(edited, before, imported('750万元', '库房漏雨。'));
    expect(revised.changed).toEqual(['funding']);
    expect(revised.text).toContain('published: 750万元');
  });

  it('marks a section the new text withholds', () => {
    const revised = reviseProject(
      refined,
      before,
      imported('700万元', '::withheld{reason="classified"}'),
    );
    expect([...revised.newlyWithheld.sections]).toEqual([['feasibility', 'classified']]);
  });
});

describe('a translation of a changed project', () => {
  const english = `---
name: Digitising the City Archives
funding:
  source: Fiscal budget
---

## Overview {#overview}

### (1) Feasibility {#feasibility}

The stores leak.

### (2) Approach {#approach}

In stages.
`;

  it('keeps its English, marked as made for the earlier version, and withholds what is withheld now', () => {
    const text = reviseTranslation(english, 1, {
      sections: new Map([['feasibility', 'classified']]),
      fields: new Map(),
    });
    expect(text).toMatch(/^translationOf: 1$/m);
    expect(text).not.toContain('The stores leak.');
    expect(text).toContain(
      '### (1) Feasibility {#feasibility}\n\n::withheld{reason="classified"}\n',
    );
    expect(text).toContain('In stages.');
    // A translation already of an earlier version keeps that version.
    expect(reviseTranslation(text, 2, { sections: new Map(), fields: new Map() })).toMatch(
      /^translationOf: 1$/m,
    );
  });
});
