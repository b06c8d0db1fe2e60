import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMillionsEn, formatWan, formatYuan } from '../domain/amount';
import { ContentFixture } from '../generate/fixture';
import { checkContent } from './check';

/**
 * The model's checks (src/model/build.ts), through the content check that
 * feeds them, on generated disclosures: what a schema of one file cannot see.
 */
const fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

type Fixture = ReturnType<typeof fixture>;

function fixture(withheldShare = 0) {
  const made = new ContentFixture({ count: 3, perPublication: 3, withheldShare });
  fixtures.push(made);
  const zh = made.find(/\/zh\//);
  return Object.assign(made, {
    zh,
    en: zh.map((f) => f.replace('/zh/', '/en/')),
    publication: made.find(/publication\.yaml$/)[0]!,
  });
}

/** The problems of a folder, as "file path: message" lines. */
const problemsOf = async (content: ContentFixture) =>
  (await checkContent(content.dir)).problems.map(
    (p) => `${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`,
  );

describe('the model of generated content', () => {
  it('keeps each publication’s projects in published order, with their amounts and the totals', async () => {
    const content = fixture();
    const { model } = await checkContent(content.dir);
    const amounts = content.zh.map((f) => Number(/amountYuan: (\d+)/.exec(content.read(f))![1]));
    expect(model!.projects.map((p) => [p.order, p.amountYuan])).toEqual(
      amounts.map((a, i) => [i + 1, a]),
    );
    const total = amounts.reduce((a, b) => a + b, 0);
    expect(model!.publications[0]!.totalYuan).toBe(total);
    expect(model!.years).toEqual([
      expect.objectContaining({
        year: model!.publications[0]!.data.fiscalYear,
        publications: model!.publications,
        projects: 3,
        totalYuan: total,
      }),
    ]);
  });

  it('counts sections by the documented rule: every section and subsection but the name, withheld when nothing but its marker', async () => {
    const content = fixture(1);
    const { model } = await checkContent(content.dir);
    for (const [i, project] of model!.projects.entries()) {
      const body = content.read(content.zh[i]!);
      const markers = body.match(/^::withheld\{reason=classified\}$/gm)?.length ?? 0;
      expect(markers).toBeGreaterThan(0);
      expect([project.sectionsWithheld, project.sectionsCounted, project.markers.length]).toEqual([
        markers,
        13,
        markers,
      ]);
    }
    expect(model!.years[0]!.sectionsWithheld).toBe(
      model!.projects.reduce((n, p) => n + p.sectionsWithheld, 0),
    );
    expect(model!.years[0]!.sectionsCounted).toBe(39);
  });

  it('gives every project the eight standard sections with the same ids', async () => {
    const { model } = await checkContent(fixture().dir);
    for (const project of model!.projects) {
      expect(project.sections.filter((s) => s.level === 2).map((s) => s.id)).toEqual([
        'name',
        'basis',
        'implementing-unit',
        'overview',
        'content',
        'funding',
        'plan',
        'outcomes',
      ]);
    }
  });
});

describe('model checks', () => {
  it('fails when a disclosure has no English translation', async () => {
    const content = fixture();
    rmSync(join(content.dir, content.en[2]!));
    expect(await problemsOf(content)).toEqual([
      `${content.display(content.zh[2]!)}: no English translation: add ${content.display(content.en[2]!)} with the same sections (or mark the original \`translation: pending\`)`,
    ]);
  });

  it('fails when a translation has no original', async () => {
    const content = fixture();
    rmSync(join(content.dir, content.zh[2]!));
    expect(await problemsOf(content)).toContainEqual(
      `${content.display(content.en[2]!)}: translation has no Chinese original at ${content.display(content.zh[2]!)}`,
    );
  });

  it('fails when the English sections differ', async () => {
    const content = fixture();
    content.edit(content.en[0]!, (t) => t.replace('{#estimate}', '{#budget}'));
    expect(await problemsOf(content)).toEqual([
      expect.stringMatching(
        /en\/p001\.md: sections differ from the Chinese original[\s\S]*###estimate[\s\S]*###budget/,
      ),
    ]);
  });

  it('fails when the English withheld set differs', async () => {
    const content = fixture(1);
    content.edit(content.en[0]!, (t) => t.replace('::withheld{reason=classified}', 'A building.'));
    const problems = await problemsOf(content);
    expect(problems).toContainEqual(
      expect.stringMatching(/en\/p001\.md: sections differ[\s\S]*\(withheld:classified\)/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/withheld markers differ from the Chinese original/),
    );
  });

  it('fails when a frontmatter section is withheld in one language only', async () => {
    const content = fixture();
    content.edit(content.en[0]!, (t) =>
      t.replace(/implementingUnit:\n(?: {2}.*\n)+/, 'implementingUnit:\n  withheld: classified\n'),
    );
    expect(await problemsOf(content)).toEqual([
      expect.stringMatching(/en\/p001\.md implementingUnit: must be withheld exactly when/),
    ]);
  });

  it('cross-checks numbers between the languages, section by section', async () => {
    const content = fixture();
    content.edit(content.en[0]!, (t) =>
      t.replace(/(### \(3\) Implementation period \{#period\}\n\nThe )\d+/, '$1 1999'),
    );
    const year = /period:\n {4}published: (\d+)年度/.exec(content.read(content.zh[0]!))![1];
    expect(await problemsOf(content)).toEqual([
      `${content.display(content.en[0]!)} #period: numbers differ from the Chinese original; missing ${year!}; not in the original 1999 (700万元 may be written 7 million or 7,000,000)`,
    ]);
  });

  it('accepts the documented amount conversions', async () => {
    const content = fixture();
    const yuan = Number(/amountYuan: (\d+)/.exec(content.read(content.zh[0]!))![1]);
    content.edit(content.en[0]!, (t) =>
      t.replace(
        /This year’s budget allocation is [^;]+;/,
        `This year’s budget allocation is ${yuan.toLocaleString('en-US')} yuan;`,
      ),
    );
    expect(await problemsOf(content)).toEqual([]);
  });

  it('fails when the funding figure is not the one in the published text', async () => {
    const content = fixture();
    content.edit(content.zh[0]!, (t) =>
      t.replace(
        /funding:\n {2}amountYuan: \d+\n {2}published: \S+/,
        'funding:\n  amountYuan: 8000000\n  published: 800万元',
      ),
    );
    expect(await problemsOf(content)).toContainEqual(
      `${content.display(content.zh[0]!)} funding.published: "800万元" does not appear in the ## 资金安排情况 {#funding} section`,
    );
  });

  it('fails on duplicate slugs and orders, listing every problem at once', async () => {
    const content = fixture();
    content.edit(content.zh[2]!, (t) =>
      t.replace('slug: p003', 'slug: p001').replace('order: 3', 'order: 2'),
    );
    expect(await problemsOf(content)).toEqual([
      `${content.display(content.zh[2]!)} slug: project slug "p001" is already used by ${content.display(content.zh[0]!)}`,
      `${content.display(content.zh[2]!)} order: order "2" is already used by ${content.display(content.zh[1]!)}`,
    ]);
  });

  it('fails when the source text does not match its recorded SHA-256', async () => {
    const content = fixture();
    content.edit(content.publication, (t) =>
      t.replace(/sha256: [0-9a-f]{64}/, `sha256: ${'a'.repeat(64)}`),
    );
    expect(await problemsOf(content)).toEqual([
      expect.stringMatching(
        /publication\.yaml source\.sha256: content\/sources\/\S+ has SHA-256 [0-9a-f]{64}, not the a{64} recorded here/,
      ),
    ]);
  });
});

describe('the glossary', () => {
  it('needs the rendering for each use of a term: one use rendered does not cover another rendered otherwise', async () => {
    const content = fixture();
    content.write(
      'glossary.yaml',
      'terms:\n  - zh: 财政预算安排经费\n    en: funds arranged in the fiscal budget\n',
    );
    expect((await checkContent(content.dir)).problems).toEqual([]);
    // A second use in the Chinese, rendered otherwise in the English.
    content.edit(content.zh[0]!, (t) =>
      t.replace(/(\{#method\}\n\n)(.*)\n/, '$1$2\n\n另安排财政预算安排经费。\n'),
    );
    content.edit(content.en[0]!, (t) =>
      t.replace(/(\{#method\}\n\n)(.*)\n/, '$1$2\n\nBudget money is also arranged.\n'),
    );
    expect((await checkContent(content.dir)).problems.map((p) => p.path)).toEqual(['#method']);
  });

  it('refuses a gloss in brackets in a translated project name', async () => {
    const content = fixture();
    content.edit(content.en[0]!, (t) =>
      t.replace(/^name: (.*)$/m, 'name: $1 (a centre for archives)'),
    );
    expect((await checkContent(content.dir)).problems).toEqual([
      expect.objectContaining({
        path: 'name',
        message: expect.stringMatching(
          /^carries a gloss in brackets the Chinese name does not have/,
        ),
      }),
    ]);
  });

  it('reports an English section whose Chinese uses a term while the English lacks its rendering', async () => {
    const content = fixture();
    content.write('glossary.yaml', 'terms:\n  - zh: 财政预算安排经费\n    en: budgeted funds\n');
    const problems = (await checkContent(content.dir)).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toEqual({
      file: content.display(content.en[0]!),
      line: content.lineOf(content.en[0]!, '{#method}'),
      path: '#method',
      message:
        'the Chinese uses 财政预算安排经费 (“budgeted funds” in content/glossary.yaml), but the English lacks that rendering',
    });
  });

  it('is satisfied by the rendering in any case, and carried in the model for the Terms page', async () => {
    const content = fixture();
    content.write(
      'glossary.yaml',
      'terms:\n  - zh: 财政预算安排经费\n    en: Funds Arranged in the Fiscal Budget\n    note:\n      zh: 一般公共预算安排的资金。\n      en: Money from the general budget.\n',
    );
    const { problems, model } = await checkContent(content.dir);
    expect(problems).toEqual([]);
    expect(model!.glossary).toEqual([
      {
        zh: '财政预算安排经费',
        en: 'Funds Arranged in the Fiscal Budget',
        note: { zh: '一般公共预算安排的资金。', en: 'Money from the general budget.' },
      },
    ]);
  });
});

describe('a translation pending', () => {
  it('builds the English from the rules and the memory, every passage with its origin, and lists the original as pending', async () => {
    const content = fixture();
    rmSync(join(content.dir, content.en[2]!));
    content.edit(content.zh[2]!, (t) => t.replace(/^order: 3$/m, 'order: 3\ntranslation: pending'));
    const { problems, model, pending } = await checkContent(content.dir);
    expect(problems).toEqual([]);
    expect(pending).toEqual([content.display(content.zh[2]!)]);
    const project = model!.projects[2]!;
    // No translator's file: the English is the site's own, and says so passage by passage.
    expect(project.entryIds.en).toBeNull();
    expect(project.english.derived).toBe(true);
    const { counts, passages } = project.english;
    expect(counts.translator).toBe(0);
    expect(counts.total).toBe(passages.length);
    expect(counts.rule + counts.memory + counts.none).toBe(counts.total);
    // The generator's template has its funding sentence, which a rule always translates.
    expect(passages.find((p) => p.anchor === 'funding-p1')?.by).toBe('rule');
    expect(project.bodyHtml.en).toContain('data-origin="rule"');
    expect(project.amountYuan).toBe(
      Number(/amountYuan: (\d+)/.exec(content.read(content.zh[2]!))![1]),
    );
  });

  it('is a problem once the translation exists but the original still says pending', async () => {
    const content = fixture();
    content.edit(content.zh[0]!, (t) => t.replace(/^order: 1$/m, 'order: 1\ntranslation: pending'));
    expect(await problemsOf(content)).toEqual([
      `${content.display(content.zh[0]!)} translation: says the translation is pending, but ${content.display(content.en[0]!)} exists; remove \`translation: pending\``,
    ]);
  });
});

describe('amounts too large to total', () => {
  it('is a problem with its file and line, never a crash', async () => {
    const content = fixture();
    const huge = 5_000_000_000_000_000; // each below 2^53; three of them are not
    for (const [i, zh] of content.zh.entries()) {
      const yuan = Number(/amountYuan: (\d+)/.exec(content.read(zh))![1]);
      const swap = (t: string) =>
        t
          .replaceAll(`amountYuan: ${yuan}`, `amountYuan: ${huge}`)
          .replaceAll(formatWan(yuan), formatWan(huge))
          .replaceAll(
            `${formatMillionsEn(yuan)} (${formatYuan(yuan)})`,
            `${formatMillionsEn(huge)} (${formatYuan(huge)})`,
          );
      content.edit(zh, swap);
      content.edit(content.en[i]!, swap);
    }
    const problems = (await checkContent(content.dir)).problems;
    expect(problems).toEqual([
      {
        file: content.display(content.publication),
        line: 1,
        message: `the projects' amounts add up to more than ${Number.MAX_SAFE_INTEGER} yuan, too large to total exactly`,
      },
    ]);
  });
});

describe('every problem the model finds names a line', () => {
  it.each([
    [
      'a duplicate slug',
      (c: Fixture) => c.edit(c.zh[2]!, (t) => t.replace('slug: p003', 'slug: p001')),
      (c: Fixture) => [c.zh[2]!, 'slug:'],
    ],
    [
      'a duplicate order',
      (c: Fixture) => c.edit(c.zh[2]!, (t) => t.replace('order: 3', 'order: 1')),
      (c: Fixture) => [c.zh[2]!, 'order:'],
    ],
    [
      'a SHA-256 that does not match',
      (c: Fixture) =>
        c.edit(c.publication, (t) =>
          t.replace(/sha256: [0-9a-f]{64}/, `sha256: ${'b'.repeat(64)}`),
        ),
      (c: Fixture) => [c.publication, 'sha256:'],
    ],
    [
      'funding.published missing from its section',
      (c: Fixture) =>
        c.edit(c.zh[0]!, (t) => t.replace(/本年度预算安排为[^；]+；/, '本年度预算另行安排；')),
      (c: Fixture) => [c.zh[0]!, '  published:'],
    ],
    [
      'numbers that differ between languages',
      (c: Fixture) => c.edit(c.en[0]!, (t) => t.replace(/(\{#period\}\n\nThe )\d+/, '$1 1999')),
      (c: Fixture) => [c.en[0]!, '{#period}'],
    ],
  ] as const)('%s', async (_, change, where) => {
    const content = fixture();
    change(content);
    const [file = '', text = ''] = where(content);
    const problems = (await checkContent(content.dir)).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: content.display(file), line: content.lineOf(file, text) }),
    );
    for (const problem of problems) expect(problem.line, problem.message).toBeGreaterThan(0);
  });
});
