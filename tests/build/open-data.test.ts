import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/check';
import type { ProjectZh } from '../../src/schema/project';
import { isWithheld } from '../../src/schema/withheld';
import { htmlPages as htmlPagesIn, page as pageIn } from '../support/dist';
import { EXAMPLE_CONTENT, EXAMPLE_DIST, TEST_SITE } from '../support/paths';
/** These tests check facts about the example publication: they read its build (tests/fixtures/example), whatever content/ holds. */
const page = (path: string) => pageIn(path, EXAMPLE_DIST);
const htmlPages = () => htmlPagesIn(EXAMPLE_DIST);

/** The real publication these checks are about; other publications may sit beside it. */
const RUILI = 'ruili-psb-2020';
const TOTAL = 40_129_500;
const SLUGS = ['case-property-centre', 'case-handling-centre', 'face-recognition-system'];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const read = (path: string) => readFileSync(join(EXAMPLE_DIST, path));
/** A data file of the build; the caller says what it holds. */
const json = (path: string): unknown => JSON.parse(read(path).toString('utf8'));
/** https://example.org/a/b/ → the file in dist/ that serves it. */
const distFile = (url: string) => {
  const path = new URL(url).pathname;
  return join(EXAMPLE_DIST, path.endsWith('/') ? `${path}index.html` : path);
};

interface Amount {
  yuan: number;
  published: string;
  currency: string;
}
interface ProjectRow {
  id: string;
  publication: string;
  slug: string;
  amount: Amount | { withheld: string };
  estimate: Amount | null;
  sections: {
    id: string;
    withheld: { withheld: string } | null;
    text: { zh: string[]; en: string[] };
  }[];
  sectionsCounted: number;
  sectionsWithheld: number;
  url: { zh: string; en: string };
  data: string;
}
interface AllFile {
  $schema: string;
  totalsByYear: {
    fiscalYear: number;
    totalYuan: number;
    projects: number;
    withheldAmounts: number;
  }[];
  updated: string;
  projects: ProjectRow[];
  publications: { slug: string; totalYuan: number; source: { url: string; sha256: string } }[];
}

/** A validator that knows the formats and our description keywords (x-description-zh, x-unit). */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true });
  (addFormats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
  ajv.addKeyword('x-description-zh').addKeyword('x-unit');
  return ajv;
}

/** The Ruili content's own figures, read through the site's loader from the frontmatter (no Astro). */
let originals: ProjectZh[];
beforeAll(async () => {
  originals = (await loadModel(EXAMPLE_CONTENT)).projects
    .filter((p) => p.key.startsWith(`${RUILI}/`))
    .map((p) => p.original);
});
const fundingOf = (p: ProjectZh) => {
  if (isWithheld(p.funding)) throw new Error('the real content has no withheld amount');
  return p.funding;
};

describe('/data/disclosures.json', () => {
  const all = json('data/disclosures.json') as AllFile;
  const ruili = all.projects.filter((p) => p.publication === RUILI);

  it('validates against the JSON Schema generated from the zod schema', () => {
    const schema = json('data/disclosures.schema.json') as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = createAjv();
    const validate = ajv.compile(schema);
    expect(validate(all), JSON.stringify(validate.errors)).toBe(true);
    // And the schema has teeth: a withheld amount written as 0 is rejected.
    const broken = structuredClone(all);
    (broken.projects[0]!.amount as Amount).yuan = 0;
    expect(validate(broken)).toBe(false);
    // Each project's own file is a valid project record.
    const validateProject = ajv.compile({
      ...(schema.properties as { projects: { items: object } }).projects.items,
      $schema: String(schema.$schema),
    });
    for (const project of all.projects)
      expect(validateProject(json(new URL(project.data).pathname.slice(1))), project.slug).toBe(
        true,
      );
  });

  it('holds integer yuan and the 万元 wording as published, for every project', () => {
    expect(ruili.map((p) => p.slug)).toEqual(SLUGS);
    ruili.forEach((project, i) => {
      const funding = fundingOf(originals[i]!);
      expect(project.amount).toEqual({
        yuan: funding.amountYuan,
        currency: 'CNY',
        published: funding.published,
      });
      expect(Number.isInteger((project.amount as Amount).yuan)).toBe(true);
    });
  });

  it('totals ¥40,129,500 for the Ruili texts, in the total field and in the sum of the projects', () => {
    expect(all.publications.find((p) => p.slug === RUILI)!.totalYuan).toBe(TOTAL);
    expect(ruili.reduce((sum, p) => sum + (p.amount as Amount).yuan, 0)).toBe(TOTAL);
    const disclosed = all.projects.flatMap((p) => ('yuan' in p.amount ? [p.amount.yuan] : []));
    expect(all.totalsByYear).toEqual([
      {
        fiscalYear: 2020,
        totalYuan: disclosed.reduce((a, b) => a + b, 0),
        projects: 3,
        withheldAmounts: 0,
      },
    ]);
  });

  it('makes withheld sections explicit, with their reason and no text', () => {
    const handling = all.projects.find((p) => p.slug === 'case-handling-centre')!;
    const withheld = handling.sections.filter((s) => s.withheld);
    expect(withheld.map((s) => [s.id, s.withheld!.withheld])).toEqual([
      ['feasibility', 'classified'],
      ['approach', 'classified'],
      ['content', 'classified'],
      ['scale', 'classified'],
    ]);
    for (const section of withheld) expect(section.text).toEqual({ zh: [], en: [] });
    expect([handling.sectionsWithheld, handling.sectionsCounted]).toEqual([4, 13]);
    expect(JSON.stringify(all)).not.toMatch(/"(amount|yuan)":\s*(0|"")/);
  });

  it('carries the published text of every disclosed section', () => {
    const property = ruili[0]!;
    expect(property.sections.find((s) => s.id === 'outcomes')!.text.zh.join('')).toContain(
      '涉案财物',
    );
    expect(property.sections.find((s) => s.id === 'basis')!.text.zh).toHaveLength(2);
  });

  it('links each project to its pages and to its own JSON at a URL that mirrors the page', () => {
    for (const project of ruili) {
      expect(project.url.zh).toBe(`${TEST_SITE}/ruili-psb/2020/${project.slug}/`);
      expect(project.url.en).toBe(`${TEST_SITE}/en/ruili-psb/2020/${project.slug}/`);
      expect(project.data).toBe(`${TEST_SITE}/data/ruili-psb/2020/${project.slug}.json`);
      for (const url of [project.url.zh, project.url.en, project.data])
        expect(existsSync(distFile(url)), url).toBe(true);
    }
    const source = all.publications.find((p) => p.slug === RUILI)!.source;
    expect(sha256(read(new URL(source.url).pathname.slice(1)))).toBe(source.sha256);
  });

  it('per-project files total ¥40,129,500 too', () => {
    const sum = SLUGS.map((slug) => json(`data/ruili-psb/2020/${slug}.json`) as ProjectRow).reduce(
      (s, p) => s + (p.amount as Amount).yuan,
      0,
    );
    expect(sum).toBe(TOTAL);
  });
});

describe('/data/disclosures.csv', () => {
  const bytes = read('data/disclosures.csv');
  const all = parse<Record<string, string>>(bytes, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
  });
  const rows = all.filter((r) => r.publication === RUILI);

  it('is UTF-8 with a byte-order mark, and Chinese survives', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]!.name).toBe('涉案财物管理中心建设');
  });

  it('has stable English header names, one row per project', () => {
    expect(all).toHaveLength((json('data/disclosures.json') as AllFile).projects.length);
    expect(Object.keys(rows[0]!).slice(0, 12)).toEqual([
      'id',
      'publication',
      'fiscal_year',
      'department',
      'department_en',
      'order',
      'slug',
      'name',
      'name_en',
      'amount_yuan',
      'amount_published',
      'currency',
    ]);
    expect(rows.map((r) => r.slug)).toEqual(SLUGS);
  });

  it('parses back to the same figures as the content, and totals ¥40,129,500', () => {
    rows.forEach((row, i) => {
      const original = originals[i]!;
      const funding = fundingOf(original);
      expect(Number(row.amount_yuan)).toBe(funding.amountYuan);
      expect(row.amount_published).toBe(funding.published);
      expect(row.estimate_yuan === '' ? null : Number(row.estimate_yuan)).toBe(
        original.plan.estimate?.amountYuan ?? null,
      );
      expect(Number(row.fiscal_year)).toBe(2020);
      expect(row.period).toBe(original.plan.period.published);
    });
    expect(rows.reduce((sum, row) => sum + Number(row.amount_yuan), 0)).toBe(TOTAL);
  });

  it('says withheld with its reason, never an empty cell or 0', () => {
    const handling = rows.find((r) => r.slug === 'case-handling-centre')!;
    expect(handling.withheld_sections).toBe(
      'feasibility:classified; approach:classified; content:classified; scale:classified',
    );
    expect(handling.sections_withheld).toBe('4');
  });
});

describe('sitemap, feeds and discovery', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const sitemap = xml.parse(read('sitemap.xml').toString('utf8')) as {
    urlset: { url: { loc: string; 'xhtml:link': { hreflang: string; href: string }[] }[] };
  };

  it('lists every HTML page, each of which exists in dist/, with hreflang alternates both ways and x-default', () => {
    const urls = sitemap.urlset.url;
    expect(urls.map((u) => new URL(u.loc).pathname).sort()).toEqual(
      htmlPages()
        .filter((p) => p !== '/404.html')
        .sort(),
    );
    for (const url of urls) {
      expect(existsSync(distFile(url.loc)), url.loc).toBe(true);
      const links = Object.fromEntries(url['xhtml:link'].map((l) => [l.hreflang, l.href]));
      expect(Object.keys(links).sort()).toEqual(['en', 'x-default', 'zh-CN']);
      expect(Object.values(links)).toContain(url.loc);
      for (const href of Object.values(links)) expect(existsSync(distFile(href)), href).toBe(true);
    }
  });

  it('has a canonical link on every page matching its sitemap entry', () => {
    for (const path of htmlPages().filter((p) => p !== '/404.html')) {
      expect(page(path)('link[rel=canonical]').attr('href')).toBe(`${TEST_SITE}${path}`);
    }
  });

  it('points robots.txt at the sitemap', () => {
    expect(read('robots.txt').toString()).toContain(`Sitemap: ${TEST_SITE}/sitemap.xml`);
  });

  it.each([
    ['feed.xml', 'zh-CN', '涉案财物管理中心建设'],
    ['en/feed.xml', 'en', 'Construction of the Case-Related Property Management Centre'],
  ])('publishes an Atom feed %s with one entry per project', (path, lang, firstTitle) => {
    const feed = (xml.parse(read(path).toString('utf8')) as { feed: unknown }).feed as {
      entry: { title: { '#text': string }; id: string; link: { href: string }; updated: string }[];
    };
    expect(feed.entry.map((e) => e.title['#text'])).toContain(firstTitle);
    expect(feed.entry).toHaveLength(
      Math.min(100, (json('data/disclosures.json') as AllFile).projects.length),
    );
    for (const entry of feed.entry) {
      expect(existsSync(distFile(entry.link.href)), entry.link.href).toBe(true);
      if (entry.link.href.includes('/ruili-psb/2020/'))
        expect(entry.updated).toBe('2026-11-24T00:00:00.000Z');
    }
    const home = page(lang === 'en' ? '/en/' : '/');
    expect(
      home(`link[rel=alternate][type="application/atom+xml"][hreflang="${lang}"]`).attr('href'),
    ).toBe(`/${path}`);
  });

  it('describes each project budget in JSON-LD as a MonetaryAmount in CNY', () => {
    const amounts = {
      'case-property-centre': 7_000_000,
      'case-handling-centre': 20_129_500,
      'face-recognition-system': 13_000_000,
    };
    for (const [slug, yuan] of Object.entries(amounts)) {
      for (const prefix of ['', '/en']) {
        const ld = JSON.parse(
          page(`${prefix}/ruili-psb/2020/${slug}/`)('script[type="application/ld+json"]').text(),
        ) as {
          '@type': string;
          variableMeasured: { value: { '@type': string; currency: string; value: number } };
        };
        expect(ld['@type']).toBe('Dataset');
        expect(ld.variableMeasured.value).toEqual({
          '@type': 'MonetaryAmount',
          currency: 'CNY',
          value: yuan,
        });
      }
    }
  });

  it('describes the site in JSON-LD as a Dataset whose DataDownloads exist', () => {
    for (const path of ['/', '/en/', '/data/', '/en/data/']) {
      const ld = JSON.parse(page(path)('script[type="application/ld+json"]').text()) as {
        '@type': string;
        distribution: { '@type': string; contentUrl: string; encodingFormat: string }[];
      };
      expect(ld['@type']).toBe('Dataset');
      expect(ld.distribution.map((d) => d.encodingFormat)).toEqual(
        expect.arrayContaining(['application/json', 'text/csv', 'application/atom+xml']),
      );
      for (const download of ld.distribution)
        expect(existsSync(distFile(download.contentUrl)), download.contentUrl).toBe(true);
    }
  });

  it('has Open Graph tags on every page', () => {
    for (const path of htmlPages().filter((p) => p !== '/404.html')) {
      const $ = page(path);
      expect($('meta[property="og:title"]').attr('content'), path).toBeTruthy();
      expect($('meta[property="og:url"]').attr('content')).toBe(`${TEST_SITE}${path}`);
      expect($('meta[property="og:locale"]').attr('content')).toBe(
        path.startsWith('/en/') ? 'en_US' : 'zh_CN',
      );
    }
    expect(
      page('/ruili-psb/2020/case-property-centre/')('meta[property="og:type"]').attr('content'),
    ).toBe('article');
  });
});

describe('stable section anchors and the data page', () => {
  const ANCHORS = [
    'name',
    'basis',
    'implementing-unit',
    'overview',
    'content',
    'funding',
    'plan',
    'outcomes',
  ];

  it('gives every project, in both languages, the same fixed section anchors, each heading a link to itself', () => {
    for (const slug of SLUGS) {
      for (const prefix of ['', '/en']) {
        const $ = page(`${prefix}/ruili-psb/2020/${slug}/`);
        const ids = $('.sections h2')
          .toArray()
          .map((h) => $(h).attr('id'));
        expect(ids).toEqual(ANCHORS);
        for (const heading of $('.sections h2, .sections h3').toArray()) {
          const id = $(heading).attr('id')!;
          // The heading's text is the link: its name is the section's title.
          const link = $(heading).children('a.section-link');
          expect(link.attr('href'), `${slug} #${id}`).toBe(`#${id}`);
          expect(link.text().trim(), `${slug} #${id}`).toBe($(heading).text().trim());
          expect($(heading).children().length, `${slug} #${id}`).toBe(1);
        }
      }
    }
  });

  it('documents every field of the JSON and every CSV column, and links every download and the source SHA-256', () => {
    for (const path of ['/data/', '/en/data/']) {
      const $ = page(path);
      const documented = $('#json-fields')
        .closest('section')
        .find('tbody th code')
        .toArray()
        .map((c) => $(c).text());
      expect(documented).toEqual(
        expect.arrayContaining([
          'totalsByYear[].totalYuan',
          'projects[].amount',
          'projects[].amount.yuan',
          'projects[].sections[].withheld',
          'publications[].source.sha256',
        ]),
      );
      const header = read('data/disclosures.csv')
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]!
        .split(',');
      expect(
        $('#csv-columns')
          .closest('section')
          .find('tbody th code')
          .toArray()
          .map((c) => $(c).text()),
      ).toEqual(header);
      const hrefs = $('main a')
        .toArray()
        .map((a) => $(a).attr('href')!);
      for (const file of [
        '/data/disclosures.json',
        '/data/disclosures.csv',
        '/data/disclosures.schema.json',
        '/feed.xml',
        '/en/feed.xml',
        '/sources/ruili-psb-2020-key-projects.zh.txt',
      ]) {
        expect(hrefs).toContain(file);
      }
      expect(
        $('[data-sha256]')
          .toArray()
          .map((e) => $(e).text()),
      ).toContain('25a81f6ff86deee051d8e423ff43db00d9977926447486c77237ed2ff756429b');
    }
  });
});

describe('/data/index.json', () => {
  const index = json('data/index.json') as {
    $schema: string;
    projects: {
      id: string;
      amountYuan: number | null;
      estimateYuan: number | null;
      sectionsWithheld: number;
      translationPending: boolean;
      data: string;
    }[];
  };

  it('validates against its JSON Schema, generated from the zod schema', () => {
    const schema = json('data/index.schema.json') as Record<string, unknown>;
    expect(index.$schema).toBe(`${TEST_SITE}/data/index.schema.json`);
    const ajv = createAjv();
    const validate = ajv.compile(schema);
    expect(validate(index), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(index);
    (broken.projects[0] as Record<string, unknown>).amountYuan = '700万元';
    expect(validate(broken)).toBe(false);
  });

  it('is a light record per project, agreeing with disclosures.json', () => {
    const all = json('data/disclosures.json') as AllFile;
    expect(index.projects.map((p) => p.id)).toEqual(
      all.projects.map((p) => `${p.publication}/${p.slug}`),
    );
    for (const [i, record] of index.projects.entries()) {
      const full = all.projects[i]!;
      expect(record.amountYuan).toBe('yuan' in full.amount ? full.amount.yuan : null);
      expect(record.estimateYuan).toBe(full.estimate?.yuan ?? null);
      expect(record.sectionsWithheld).toBe(full.sectionsWithheld);
      expect(record.data).toBe(full.data);
      expect(record.translationPending).toBe(
        (full as unknown as { name: { en: string | null } }).name.en === null,
      );
    }
    expect(read('data/index.json').length).toBeLessThan(read('data/disclosures.json').length / 4);
  });

  it('is documented on the data page, field by field', () => {
    for (const path of ['/data/', '/en/data/']) {
      const $ = page(path);
      const documented = $('#index-fields')
        .closest('section')
        .find('tbody th code')
        .toArray()
        .map((c) => $(c).text());
      expect(documented).toEqual(
        expect.arrayContaining([
          'projects[].amountYuan',
          'projects[].estimateYuan',
          'projects[].sectionsWithheld',
          'projects[].translationPending',
          'projects[].data',
        ]),
      );
      expect($('a[data-download="index"]').attr('href')).toBe('/data/index.json');
    }
  });
});

describe('the data page speaks to a reader who wants a spreadsheet', () => {
  it.each(['/data/', '/en/data/'])(
    '%s offers the CSV first, in plain words, with the technical dictionary below',
    (path) => {
      const $ = page(path);
      expect($('dl.downloads a[data-download]').first().attr('data-download')).toBe('csv');
      const lead = $('p.lead').text();
      expect(lead).toMatch(/Excel/);
      expect(lead).not.toMatch(/zod|\$schema/);
      expect($('main').text()).not.toMatch(/zod/);
      expect($('#dictionary').length).toBe(1);
      // The dictionary is folded below the downloads.
      const fold = $('details.dictionary-details');
      expect(fold.attr('open')).toBeUndefined();
      expect(fold.find('summary #dictionary').length).toBe(1);
      expect(fold.find('#csv-columns').length).toBe(1);
      expect($('dl.downloads').nextAll('details.dictionary-details').length).toBe(1);
    },
  );
});
