import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageGlob } from './index-parts';

describe('languageGlob', () => {
  // Project pages only (<department>/<year>/<project>/): listings, feeds and the other pages
  // would be parsed, then dropped, and add their words to the index.
  const matched = (locale: 'zh' | 'en', paths: string[]) =>
    paths.filter((path) => matchesGlob(path, languageGlob(locale)));

  it('takes every project page of its language and nothing else', () => {
    const zh = [
      'ruili-psb/2020/face-recognition-system/index.html',
      'energy/2021/grid/index.html',
      'e/2021/s/index.html',
      'ens/2021/sources/index.html',
    ];
    const en = zh.map((path) => `en/${path}`);
    const others = [
      'index.html',
      'ruili-psb/index.html',
      'ruili-psb/2020/index.html',
      'ruili-psb/2020/source/index.html',
      'ruili-psb/2020/face-recognition-system/v1/index.html',
      'projects/page/2/index.html',
      'years/2020/index.html',
      'search/index.html',
    ];
    const all = [...zh, ...en, ...others, ...others.map((path) => `en/${path}`)];
    expect(matched('zh', all)).toEqual(zh);
    expect(matched('en', all)).toEqual(en);
  });
});
