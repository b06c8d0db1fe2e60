import { describe, expect, it } from 'vitest';
import { containsAll, findSpans, queryTerms } from './exact';

describe('exact matching', () => {
  const text =
    '部署400路人脸图像采集抓拍机。统一接入瑞丽市公安局人像大数据库，提升辖区居民的安全感。';

  it('finds a term only where the text has it, whatever the width, case and spaces', () => {
    expect(containsAll(text, queryTerms('人脸'))).toBe(true);
    expect(containsAll(text, queryTerms('人 脸'))).toBe(true);
    expect(containsAll('Face Recognition', queryTerms('ＦＡＣＥ recognition'))).toBe(true);
    // Pagefind would match these on 网, 工程 or 机; the text never uses the terms.
    expect(containsAll(text, queryTerms('天网'))).toBe(false);
    expect(containsAll(text, queryTerms('雪亮工程'))).toBe(false);
    expect(containsAll(text, queryTerms('摄像机'))).toBe(false);
  });

  it('needs every word of a multi-word query, and a quoted phrase whole', () => {
    expect(containsAll(text, queryTerms('人脸 抓拍机'))).toBe(true);
    expect(containsAll(text, queryTerms('人脸 天网'))).toBe(false);
    expect(queryTerms('"face recognition" system')).toEqual(['facerecognition', 'system']);
    expect(containsAll('face image recognition system', queryTerms('"face recognition"'))).toBe(
      false,
    );
  });
});

describe('findSpans', () => {
  it('maps matches back to the text as written, across spaces and widths', () => {
    expect(findSpans('部署人 脸抓拍', ['人脸'])).toEqual([[2, 5]]);
    expect(findSpans('ＦＡＣＥ and face', ['face'])).toEqual([
      [0, 4],
      [9, 13],
    ]);
    expect(findSpans('人脸识别', ['人脸', '脸识'])).toEqual([[0, 3]]);
    expect(findSpans('天网', ['人脸'])).toEqual([]);
  });
});
