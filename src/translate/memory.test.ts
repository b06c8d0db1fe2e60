import { describe, expect, it } from 'vitest';
import { TranslationMemory } from './memory';

describe('the translation memory', () => {
  it('gives a translator’s English to the same Chinese, its figures re-rendered from the new text', () => {
    const memory = new TranslationMemory();
    memory.add(
      '新建值班室1栋，总面积2500平方米，预算700万元。',
      'A new duty room (1 building) with a total area of 2,500 square metres, budget CNY 7 million (¥7,000,000).',
      '/en/a/2020/x/#scale-p1',
    );
    // Different figures, the same words: the amount in the site's notation, the numbers as printed.
    expect(memory.find('新建值班室1栋，总面积3000平方米，预算612.8万元。')).toEqual({
      en: 'A new duty room (1 building) with a total area of 3000 square metres, budget CNY 6,128,000.',
      from: '/en/a/2020/x/#scale-p1',
    });
  });

  it('matches nothing fuzzy: one word of difference outside a figure is no match', () => {
    const memory = new TranslationMemory();
    memory.add(
      '有效提升破案率。',
      'Effectively raise the case-solving rate.',
      '/en/a/#outcomes-p2',
    );
    expect(memory.find('有效提升破案率。')?.en).toBe('Effectively raise the case-solving rate.');
    expect(memory.find('有效提高破案率。')).toBeNull();
  });

  it('learns a pair whose figures do not correspond one for one for its exact Chinese only', () => {
    const memory = new TranslationMemory();
    // The English spells the count out: no placeable, so no new figure may be put in.
    memory.add('新建一栋共2层。', 'A new building of two storeys.', '/en/a/#scale-p1');
    expect(memory.find('新建一栋共2层。')?.en).toBe('A new building of two storeys.');
    expect(memory.find('新建一栋共3层。')).toBeNull();
  });

  it('keeps the first translation of a text', () => {
    const memory = new TranslationMemory();
    memory.add('完成建设。', 'Complete the construction.', '/en/a/#outcomes-p1');
    memory.add('完成建设。', 'Finish building.', '/en/b/#outcomes-p1');
    expect(memory.find('完成建设。')).toEqual({
      en: 'Complete the construction.',
      from: '/en/a/#outcomes-p1',
    });
  });
});
