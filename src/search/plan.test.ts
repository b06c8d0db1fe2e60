import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from './pagefind-types';
import { findAmountsNeed, landResult, planSearch } from './plan';
import { readState } from './state';

const plan = (query: string) => planSearch(readState(new URLSearchParams(query)));

describe('planning a search from its state', () => {
  it('needs the amounts of results it does not load only for what words alone cannot answer', () => {
    const need = (query: string) => findAmountsNeed(plan(query));
    expect(need('q=人脸识别')).toBeNull();
    expect(need('q=人脸识别&year=2020&department=甲局')).toBeNull();
    expect(need('')).toBeNull();
    expect(need('q=人脸&min=很多')).toBeNull();
    // A list sorted by amount, or without words or amount: every result's.
    expect(need('q=人脸&sort=amount-asc')).toBe('all');
    expect(need('year=2020')).toBe('all');
    expect(need('q=700万&sort=amount-desc')).toBe('all');
    // An amount asked: this year's amount or the estimate in its range; a bound: this year's.
    const asked = need('q=700万');
    expect(asked).toEqual({
      amount: [expect.objectContaining({})],
      estimate: [expect.objectContaining({})],
    });
    const [range] = (asked as { amount: { min: number; max: number }[] }).amount;
    expect(range!.min).toBeLessThanOrEqual(7_000_000);
    expect(range!.max).toBeGreaterThanOrEqual(7_000_000);
    expect(need('q=人脸&min=100万')).toEqual({
      amount: [{ min: 1_000_000, max: null }],
      estimate: [],
    });
  });

  it('does nothing for an empty form', () => {
    expect(plan('')).toEqual({ kind: 'empty', query: '' });
  });

  it('names each bound that is not an amount, and searches nothing', () => {
    expect(plan('q=人脸&min=很多&max=700万')).toEqual({
      kind: 'bad-bounds',
      query: 'q=%E4%BA%BA%E8%84%B8&min=%E5%BE%88%E5%A4%9A&max=700%E4%B8%87',
      bad: ['很多'],
    });
  });

  it('looks words up by relevance, and holds every result to the terms as typed', () => {
    const words = plan('q=人脸识别 "视频 监控"');
    expect(words).toMatchObject({
      kind: 'search',
      term: '人脸识别 "视频 监控"',
      // Quoted phrases first, their spaces normalised away as the text is matched.
      terms: ['视频监控', '人脸识别'],
      amounts: [],
      filters: {},
      sort: undefined,
      min: null,
      max: null,
    });
  });

  it('reads an amount out of the words and ranks by closeness to it, unless a sort by amount is chosen', () => {
    const amount = plan('q=约2000万');
    // Relevance for an amount is closeness to it (order.ts), never Pagefind's or the amount's order.
    expect(amount).toMatchObject({ kind: 'search', term: null, terms: [], sort: undefined });
    expect(plan('q=约2000万&sort=amount-desc')).toMatchObject({ sort: { amount: 'desc' } });
    // Neither words nor an amount: a list, largest first.
    expect(plan('year=2020')).toMatchObject({ term: null, sort: { amount: 'desc' } });
    if (amount.kind !== 'search') throw new Error('expected a search');
    expect(amount.amounts).toHaveLength(1);
    expect(amount.amounts[0]!.approximate).toBe(true);
    const mixed = plan('q=人脸 700万&sort=amount-asc');
    expect(mixed).toMatchObject({ term: '人脸', terms: ['人脸'], sort: { amount: 'asc' } });
  });

  it('passes the filters and the bounds on, in yuan', () => {
    expect(
      plan('year=2020&department=瑞丽市公安局&withheld=yes&band=20m-50m&min=1000万&max=20 million'),
    ).toMatchObject({
      kind: 'search',
      term: null,
      filters: { year: '2020', department: '瑞丽市公安局', withheld: 'yes', band: '20m-50m' },
      min: 10_000_000,
      max: 20_000_000,
    });
  });
});

describe('where a result lands', () => {
  /** A result as Pagefind gives it: two sections, the funding one holding the amount. */
  const result = {
    url: '/x/',
    content: '',
    raw_content: '项目基本概况 本项目建设人脸识别系统。 资金安排情况 本年度预算安排为700万元；',
    word_count: 10,
    excerpt: '',
    meta: { title: 'x', amount: '7000000', estimate: '7000000' },
    filters: {},
    anchors: [
      { element: 'h2', id: 'overview', text: '项目基本概况', location: 0 },
      { element: 'h2', id: 'funding', text: '资金安排情况', location: 2 },
    ],
    sub_results: [],
  } as unknown as PagefindResultData;

  it('on the passage with the words', () => {
    expect(landResult(result, ['人脸识别'], [], undefined).passage?.id).toBe('overview');
  });

  it('on the section with the amount asked for, beside the published figure', () => {
    const asked = plan('q=700万');
    if (asked.kind !== 'search') throw new Error('expected a search');
    const view = landResult(result, [], asked.amounts, 'amount', 7_000_000);
    expect(view.passage?.id).toBe('funding');
    // 700万 is round to the 百万: it stood for 6,500,000 to 7,499,999 yuan.
    expect(view.asked).toEqual([
      {
        asked: '700万',
        yuan: 7_000_000,
        printed: null,
        section: '资金安排情况',
        range: { min: 6_500_000, max: 7_499_999 },
      },
    ]);
  });

  it('gives no range for a figure typed to the yuan', () => {
    const asked = plan(`q=${encodeURIComponent('7,000,001元')}`);
    if (asked.kind !== 'search') throw new Error('expected a search');
    const view = landResult(result, [], asked.amounts, 'amount', 7_000_001);
    expect(view.asked.map((a) => a.range)).toEqual([null]);
  });
});
