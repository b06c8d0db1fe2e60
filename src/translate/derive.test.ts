import { describe, expect, it } from 'vitest';
import { renderBody } from '../markdown/render';
import { deriveEnglishBody, listPassages, type FindEnglish } from './derive';

const BODY = `## 项目基本概况 {#overview}

### （一）、项目可行性 {#feasibility}

::withheld{reason=classified}

### （二）、总体思路 {#approach}

先中心校后村小，分两年完成。

有一处 :withheld{reason=classified} 不公开。

## 项目实施内容 {#content}

- 改造运动场14块。
- 配套建设排水设施。

| 项目 | 金额 |
| --- | --- |
| 运动场 | 350万元 |

## 资金安排情况 {#funding}

本年度预算安排为350万元。

## 项目实施计划 {#plan}

### （三）、实施周期 {#period}

2022年3月至2023年6月

## 项目实施成效 {#outcomes}

项目建成后，开课率达到百分之百。
`;

/** A stand-in for the rules and the memory: English for two sentences, by rule and from memory. */
const find: FindEnglish = (zh) =>
  zh === '本年度预算安排为350万元。'
    ? {
        en: 'This year’s budget allocation is CNY 3.5 million (¥3,500,000).',
        by: 'rule',
        from: null,
      }
    : zh === '改造运动场14块。'
      ? { en: 'Resurface 14 sports grounds.', by: 'memory', from: '/en/a/2021/b/#content-p1' }
      : null;

describe('the English body the rules and the memory derive', () => {
  const english = deriveEnglishBody(BODY, find, 'original');

  it('keeps every passage in its place, so that each anchor is the original’s', () => {
    const anchors = (body: string) => listPassages(body).map((p) => `${p.section}-p${p.n}`);
    expect(anchors(english)).toEqual(anchors(BODY));
  });

  it('gives English where found, marked with its origin, and marks the rest as Chinese', () => {
    const passages = listPassages(english);
    const origin = (anchor: string) =>
      passages.find((p) => `${p.section}-p${p.n}` === anchor)?.origin;
    expect(origin('funding-p1')).toBe('rule');
    expect(origin('content-p1')).toBe('memory');
    expect(origin('content-p2')).toBe('none');
    expect(origin('outcomes-p1')).toBe('none');
    // A passage holding a withheld marker is never rewritten around it.
    expect(origin('approach-p2')).toBe('none');
    expect(english).toContain('::withheld{reason="classified"}');
    expect(english).toContain('### (1) Project feasibility {#feasibility}');
    expect(english).toContain(':::untranslated');
  });

  it('renders as a translation: origins on the passages, Chinese marked, the withheld markers in English', async () => {
    const { html, messages } = await renderBody(
      { filePath: 'content/x/2022/en/p.md', body: english, counterpart: null },
      '/',
    );
    expect(messages).toEqual([]);
    expect(html).toMatch(
      /<p (?=[^>]*id="funding-p1")(?=[^>]*data-origin="rule")[^>]+>This year’s budget allocation/u,
    );
    expect(html).toMatch(/data-origin="memory"[^>]*>Resurface 14 sports grounds\./u);
    expect(html).toContain('href="/en/a/2021/b/#content-p1"');
    expect(html).toMatch(/<span lang="zh-CN" class="untranslated">项目建成后/u);
    expect(html).toContain('not yet translated');
  });

  it('fills a translator’s gaps only, and leaves a body without gaps as written', () => {
    const gap =
      '## 资金安排情况 {#funding}\n\n:untranslated[本年度预算安排为350万元。]\n\nA translator’s words.\n';
    const filled = deriveEnglishBody(gap, find, 'gaps');
    expect(filled).toContain(
      'This year’s budget allocation is CNY 3.5 million (¥3,500,000). :origin{by="rule"}',
    );
    expect(filled).toContain('A translator’s words.');
    const none = '## 资金安排情况 {#funding}\n\nA translator’s  *words*.\n';
    expect(deriveEnglishBody(none, find, 'gaps')).toBe(none);
  });

  it('refuses the marks in a Chinese original', async () => {
    const { messages } = await renderBody(
      {
        filePath: 'content/x/2022/zh/p.md',
        body: '## 资金安排情况 {#funding}\n\n:untranslated[文字]\n',
        counterpart: null,
      },
      '/',
    );
    expect(messages.map((m) => m.reason).join()).toMatch(/the Chinese original cannot hold it/u);
  });
});
