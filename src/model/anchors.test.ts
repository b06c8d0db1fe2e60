import { describe, expect, it } from 'vitest';
import { numberPassages, renumberPassages } from './anchors';

describe('paragraph anchors across versions', () => {
  it('are 1, 2, 3 in a text never revised', () => {
    expect(numberPassages([['a', 'b', 'c']])).toEqual({ current: [1, 2, 3], gone: [] });
  });

  it('keep every unchanged paragraph’s number when one is inserted before it', () => {
    expect(
      numberPassages([
        ['a', 'b'],
        ['new', 'a', 'b'],
      ]),
    ).toEqual({
      current: [3, 1, 2],
      gone: [],
    });
  });

  it('keep a reworded paragraph’s number, and never reuse a removed one’s', () => {
    expect(
      numberPassages([
        ['a', 'b', 'c'],
        ['a', 'B', 'c'],
      ]).current,
    ).toEqual([1, 2, 3]);
    const removed = numberPassages([
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['a', 'c', 'd'],
    ]);
    expect(removed).toEqual({ current: [1, 3, 4], gone: [2] });
  });

  it('number a section withheld and disclosed again anew', () => {
    expect(numberPassages([['a'], null, ['a2']])).toEqual({ current: [2], gone: [1] });
  });

  it('renumber a rendered body’s ids and links in one pass, no number taken twice', () => {
    const html =
      '<p id="content-p1">x<a class="passage-link" href="#content-p1"></a></p><p id="content-p2">y<a href="#content-p2"></a></p><p id="plan-p1"></p>';
    expect(renumberPassages(html, new Map([['content', [2, 1]]]))).toBe(
      '<p id="content-p2">x<a class="passage-link" href="#content-p2"></a></p><p id="content-p1">y<a href="#content-p1"></a></p><p id="plan-p1"></p>',
    );
  });
});
