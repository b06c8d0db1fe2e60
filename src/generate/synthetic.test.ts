import { describe, expect, it } from 'vitest';
import { checkContent } from '../check/check';
import { ContentFixture } from './fixture';
import { generateContent } from './synthetic';

describe('synthetic disclosures', () => {
  it('are deterministic for a seed, and differ between seeds', () => {
    const a = generateContent({ count: 40, seed: 7 });
    expect(generateContent({ count: 40, seed: 7 })).toEqual(a);
    expect(generateContent({ count: 40, seed: 8 })).not.toEqual(a);
  });

  it('spread over departments and years, about one in ten with withheld sections, in zh and en', () => {
    const files = generateContent({ count: 2000 });
    const zh = [...files.keys()].filter((f) => f.includes('/zh/'));
    expect(zh).toHaveLength(2000);
    expect([...files.keys()].filter((f) => f.includes('/en/'))).toHaveLength(2000);
    const publications = [...files.keys()].filter((f) => f.endsWith('publication.yaml'));
    expect(new Set(publications.map((f) => f.split('/')[0])).size).toBe(10);
    expect(new Set(publications.map((f) => f.split('/')[1])).size).toBe(10);
    const withheld =
      zh.filter((f) => files.get(f)!.includes('::withheld{reason=classified}')).length / zh.length;
    expect(withheld).toBeGreaterThan(0.07);
    expect(withheld).toBeLessThan(0.13);
    // Mixed text: English files carry Chinese document numbers, as the real ones do.
    expect(files.get(zh[0]!.replace('/zh/', '/en/'))).toMatch(
      /合政办发（\d{4}）\d+号 \(He Zheng Ban Fa/,
    );
  });

  it('pass every check of the real schema and model', async () => {
    const content = new ContentFixture({ count: 120 });
    try {
      const { problems, model } = await checkContent(content.dir);
      expect(problems).toEqual([]);
      expect(model?.projects).toHaveLength(120);
      expect(model?.publications).toHaveLength(6);
    } finally {
      content.remove();
    }
  });
});
