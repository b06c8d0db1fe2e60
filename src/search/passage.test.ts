import { describe, expect, it } from 'vitest';
import { queryTerms } from './exact';
import {
  dropHeadingStops,
  excerptOf,
  findSectionPassage,
  findWordPassage,
  splitSections,
} from './passage';

/**
 * A fragment as Pagefind stores a Chinese page: words split by zero-width
 * spaces, anchors at word positions. Built inline: heading, paragraph, heading, paragraph.
 */
function fragment(blocks: { element: string; id: string; words: string[] }[]) {
  const words: string[] = [];
  const anchors = blocks.map((block) => {
    const anchor = {
      element: block.element,
      id: block.id,
      text: block.words.join(''),
      location: words.length,
    };
    words.push(...block.words);
    return anchor;
  });
  return { raw: words.join('\u200B'), anchors };
}

const page = fragment([
  { element: 'h2', id: 'overview', words: ['项目', '概况', '. '] },
  { element: 'p', id: 'overview-p1', words: ['依托', '视频', '专', '网', '建设', '。'] },
  { element: 'h3', id: 'capture', words: ['采集', '设备', '. '] },
  {
    element: 'p',
    id: 'capture-p1',
    words: ['部署', '400', '路', '人', '脸', '抓', '拍', '机', '。'],
  },
  { element: 'h2', id: 'funding', words: ['资金', '安排', '. '] },
  { element: 'p', id: 'funding-p1', words: ['预算', '安排', '为', '1300', '万', '元', '；'] },
]);

describe('passages', () => {
  const sections = splitSections(page.raw, page.anchors);

  it('cuts the page at its headings and keeps each block’s text as written', () => {
    expect(sections.map((s) => s.id)).toEqual(['overview', 'capture', 'funding']);
    // Without the full stop Pagefind puts after a heading: the page has none.
    expect(sections[1]!.blocks.map((b) => b.text)).toEqual(['采集设备', '部署400路人脸抓拍机。']);
  });

  it('lands a word query on the paragraph that has the word, not on one that shares a character', () => {
    // 人脸 is only under #capture; Pagefind ranks #overview first for its 网, which is not 人脸.
    const passage = findWordPassage(sections, queryTerms('人脸'), ['overview', 'capture']);
    expect(passage?.id).toBe('capture-p1');
    expect(passage?.excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['人脸']);
    expect(passage?.excerpt.map((p) => p.text).join('')).toBe('部署400路人脸抓拍机。');
  });

  it('prefers the section Pagefind ranks first among those that have the word', () => {
    const twice = fragment([
      { element: 'h2', id: 'a', words: ['人', '脸', '。'] },
      { element: 'h2', id: 'b', words: ['人', '脸', '人', '脸', '。'] },
    ]);
    const both = splitSections(twice.raw, twice.anchors);
    expect(findWordPassage(both, ['人脸'], ['b', 'a'])?.id).toBe('b');
    expect(findWordPassage(both, ['人脸'], [])?.id).toBe('a');
  });

  it('finds nothing for a word no section has', () => {
    expect(findWordPassage(sections, queryTerms('天网'), [])).toBeNull();
  });

  it('reads English, split at spaces, and unescapes what Pagefind escaped', () => {
    const raw = 'Funding. The budget is CNY 13 million &lt;sic&gt;.';
    const en = splitSections(raw, [
      { element: 'h2', id: 'funding', text: 'Funding', location: 0 },
      { element: 'p', id: 'funding-p1', text: '', location: 1 },
    ]);
    expect(findSectionPassage(en, 'funding')?.excerpt).toEqual([
      { text: 'The budget is CNY 13 million <sic>.', mark: false },
    ]);
    expect(findSectionPassage(en, 'estimate')).toBeNull();
  });

  it('cuts a long block around the first match, with ellipses', () => {
    const long = `${'甲'.repeat(200)}人脸${'乙'.repeat(200)}`;
    const parts = excerptOf(long, ['人脸']);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['人脸']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(long.length);
  });
});

describe('dropHeadingStops', () => {
  it('drops the full stop Pagefind puts after a Chinese heading, and keeps every other', () => {
    expect(dropHeadingStops('项目名称. 瑞丽市公安局')).toBe('项目名称 瑞丽市公安局');
    expect(dropHeadingStops('（一）、项目可行性.')).toBe('（一）、项目可行性');
    expect(dropHeadingStops('Project name. Ruili')).toBe('Project name. Ruili');
    expect(dropHeadingStops('预算1.2万元')).toBe('预算1.2万元');
  });
});
