import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../check/check';
import { toCsv } from '../data/csv';
import { buildDisclosuresFile, type Links } from '../data/records';
import { LOCALES } from '../domain/locales';
import { ContentFixture } from '../generate/fixture';
import { atomFeed } from './feed';

const links: Links = {
  page: (locale, path) => `https://example.org/${locale === 'en' ? 'en/' : ''}${path}`,
  file: (path) => `https://example.org/${path}`,
};

describe('a name with markup and a formula in it', () => {
  const hostile = '=HYPERLINK("https://evil.example","<img src=x onerror=alert(1)>")';
  const content = new ContentFixture({ count: 2, perPublication: 2, withheldShare: 0 });
  afterAll(() => content.remove());
  for (const file of content.find(/\/(zh|en)\/p001\.md$/))
    content.edit(file, (t) => t.replace(/^name: .*(?:\n {2}.*)*$/m, `name: '${hostile}'`));

  it('is an escaped text title in both Atom feeds, never markup', async () => {
    const model = await loadModel(content.dir);
    for (const locale of LOCALES) {
      const xml = atomFeed(model, locale, links);
      expect(xml).not.toContain('<img');
      expect(xml).not.toContain('CDATA');
      const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
        xml,
      ) as {
        feed: { entry: { title: { '#text': string; type: string } }[] };
      };
      expect(feed.feed.entry.map((e) => e.title)).toContainEqual({
        '#text': hostile,
        type: 'text',
      });
    }
  });

  it('is a neutralised cell in the CSV, and the text as written in the JSON', async () => {
    const file = buildDisclosuresFile(await loadModel(content.dir), links);
    const rows = parse<Record<string, string>>(toCsv(file.projects), { bom: true, columns: true });
    const row = rows.find((r) => r.slug === 'p001')!;
    expect(row.name).toBe(`'${hostile}`);
    expect(row.name_en).toBe(`'${hostile}`);
    expect(file.projects.find((p) => p.slug === 'p001')!.name.zh).toBe(hostile);
  });
});
