import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { encodeGbk } from '../../tests/support/bureau-files';
import {
  BASE_LAYOUT,
  LAYOUTS,
  NUMBERINGS,
  writeLayout,
  writeLayoutDocx,
  writeLayoutPdf,
  type Expected,
  type Layout,
} from '../../tests/support/layouts';
import type { ProjectZh } from '../schema/project';
import type { WordingDecisions } from './headings';
import { readRefusal } from '../../tests/support/refusal';
import { runImport, type ImportOutcome } from './run';

/**
 * The test set of layouts (tests/support/layouts.ts): a county bureau's three
 * projects written twelve ways bureaus write the template, each imported from
 * a UTF-8 text, a Notepad (GB18030) text and a Word file, and checked fact by
 * fact and line by line; then the same text renumbered, rewrapped and
 * re-spaced at random still imports the same projects.
 */
const work = mkdtempSync(join(tmpdir(), 'layouts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

async function importText(
  bytes: Uint8Array,
  name: string,
  wordings?: WordingDecisions,
): Promise<ImportOutcome> {
  const dir = join(work, String((n += 1)));
  mkdirSync(join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, name), bytes);
  return runImport({
    file: join(dir, name),
    departmentSlug: 'synth-edu',
    contentDir: join(dir, 'content'),
    force: false,
    // The whole import and its check, into a content folder of its own; the files are in the
    // outcome too. (Not a dry run: its trial folders in the system's temporary folder are what
    // run.test.ts's dry-run test counts, and these run beside it.)
    dryRun: false,
    today: '2026-12-07',
    slugs: ['p1', 'p2', 'p3'],
    wordings,
  });
}

/** The zh files an import would write, by slug: frontmatter read, body as written. */
function projectsOf(outcome: ImportOutcome): { data: ProjectZh; body: string }[] {
  return ['p1', 'p2', 'p3'].map((slug) => {
    const text = outcome.result.files.get(`synth-edu/2022/zh/${slug}.md`) as string;
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    return { data: parse(yaml!) as ProjectZh, body: body! };
  });
}

/** The facts each project's file records, as the layout's expectations state them. */
function factsOf({ data, body }: { data: ProjectZh; body: string }): Expected {
  const funding = 'withheld' in data.funding ? null : data.funding;
  return {
    name: data.name,
    amountYuan: funding?.amountYuan ?? 0,
    published: funding?.published ?? '',
    source: funding?.source ?? null,
    procurement: data.procurementMethod ?? null,
    breakdown:
      funding?.breakdown?.map((p) => ({ source: p.source, amountYuan: p.amountYuan })) ?? null,
    estimateYuan: data.plan.estimate?.amountYuan ?? null,
    period: data.plan.period.published,
    withheld: [...body.matchAll(/\{#([a-z-]+)\}\n\n::withheld\{reason="?classified"?\}/g)].map(
      (m) => m[1]!,
    ),
  };
}

/** Every line of content (not a heading) that the text prints, as the body or frontmatter must carry it. */
function contentLines(text: string, layout: Layout): string[] {
  const afterColon = (line: string) => (layout.inline ? line.replace(/^[^：]*：/u, '') : line);
  return text
    .split('\n')
    .filter((line) => /。$/u.test(line) && !line.startsWith('根据'))
    .map(afterColon)
    .filter((line) => !/涉密|不予公开/u.test(line));
}

const FORMATS = {
  'UTF-8 text': (text: string) => ({ bytes: new TextEncoder().encode(text), name: 'text.txt' }),
  'Notepad GB18030 text': (text: string) => ({
    bytes: encodeGbk(text.replace(/\n/g, '\r\n')),
    name: 'text.txt',
  }),
  'Word file': async (text: string) => ({ bytes: await writeLayoutDocx(text), name: 'text.docx' }),
  PDF: async (text: string) => ({ bytes: await writeLayoutPdf(text), name: 'text.pdf' }),
};

describe('the layouts bureaus write', { timeout: 60_000 }, () => {
  it('are twelve', () => expect(Object.keys(LAYOUTS).length).toBeGreaterThanOrEqual(12));

  describe.each(Object.entries(LAYOUTS))('%s', (_, layout) => {
    const { text, expected } = writeLayout(layout);
    it.each(Object.entries(FORMATS))(
      'imports from a %s, every fact with its evidence',
      async (__, make) => {
        const { bytes, name } = await make(text);
        const outcome = await importText(bytes, name);
        const projects = projectsOf(outcome);
        expect(projects.map(factsOf)).toEqual(expected);
        for (const { data } of projects) {
          // Every fact keeps the line, paragraph or page it was read from.
          expect(Object.keys(data.evidence ?? {}).sort()).toEqual(
            [
              'amount',
              'period',
              'estimate',
              ...('withheld' in data.funding || !data.funding.source ? [] : ['source']),
              ...('withheld' in data.funding || !data.funding.breakdown ? [] : ['breakdown']),
              ...(data.procurementMethod ? ['procurement'] : []),
              'implementingUnit',
            ].sort(),
          );
          for (const at of Object.values(data.evidence ?? {}))
            expect(at).toMatch(/^(?:line \d+|paragraph \d+ \(“.+”\)|page \d+, line \d+)$/u);
        }
        // Line by line: every sentence of the text stands in a content file as printed.
        const written = projects.map((p) => `${JSON.stringify(p.data)}\n${p.body}`).join('\n');
        for (const line of contentLines(text, layout)) expect(written, line).toContain(line);
        // English on the day of import, checked as the build checks it: the funding sentence,
        // the estimate and the period of every project at least, by rule, whatever the layout.
        const english = outcome.english!;
        expect(english.translator).toBe(0);
        expect(english.rule).toBeGreaterThanOrEqual(3 * projects.length);
        expect(english.rule + english.memory + english.none).toBe(english.total);
        // A table stays a table, every cell as printed.
        expect(projects[2]!.body).toMatch(/^\| *资金来源 *\| *金额（万元） *\|$/mu);
        expect(projects[2]!.body).toMatch(/^\| *一般公共预算 *\| *1,280\.6 *\|$/mu);
      },
    );
  });
});

describe('a text renumbered, rewrapped and re-spaced', { timeout: 120_000 }, () => {
  it('imports the same projects', async () => {
    const numberings = Object.values(NUMBERINGS).filter((n) => n !== NUMBERINGS.none);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...numberings),
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000', '  '),
        fc.integer({ min: 1, max: 12 }),
        async (numbering, inline, space, wrapAt) => {
          const { text, expected } = writeLayout({ ...BASE_LAYOUT, numbering, inline });
          const lines = text.split('\n').flatMap((line) => {
            // Re-spaced: after the number, and before the line, as Word and Notepad leave them.
            const spaced = line.replace(
              /^(第.部分|[（(]?[0-9０-９一二三四五六七八]+[）)]?[、.]?)/u,
              `$1${space}`,
            );
            // Rewrapped: a long sentence split over two lines, never inside a figure.
            const at = spaced.length > 30 ? wrapAt + 12 : -1;
            return at > 0 &&
              /。$/u.test(spaced) &&
              !/[0-9０-９万元壹贰叁肆伍陆柒捌玖拾佰仟]/u.test(spaced.slice(at - 2, at + 2))
              ? [spaced.slice(0, at), spaced.slice(at)]
              : [`${space}${spaced}`];
          });
          const outcome = await importText(new TextEncoder().encode(lines.join('\n')), 'text.txt');
          const facts = projectsOf(outcome).map(factsOf);
          expect(
            facts.map((f) => [f.name, f.amountYuan, f.withheld, f.source, f.procurement]),
          ).toEqual(
            expected.map((f) => [f.name, f.amountYuan, f.withheld, f.source, f.procurement]),
          );
        },
      ),
      { numRuns: 12, seed: 36 },
    );
  });
});

describe('a part that may be withheld in words no list knows', { timeout: 60_000 }, () => {
  const { text } = writeLayout(BASE_LAYOUT);
  const refusal = readRefusal;
  const withLine = (from: string, to: string) => {
    expect(text).toContain(from);
    return new TextEncoder().encode(text.replace(from, to));
  };

  it('stops the import at its line and asks, whether it withholds the part or is text', async () => {
    const withheld = withLine('先中心校后村小，分两年完成。', '本部分内容属工作秘密，不予公开。');
    const line = text.split('\n').indexOf('先中心校后村小，分两年完成。') + 1;
    expect(await refusal(importText(withheld, 'text.txt'))).toMatch(
      new RegExp(
        `line ${line}: “本部分内容属工作秘密，不予公开。” mentions 不予公开 but is none of the wordings that withhold a part \\(涉密不宜公开, .*此项涉密\\); a person decides: if the part is withheld, import again with --withheld-wording "本部分内容属工作秘密，不予公开。"; if this is text to publish, with --not-withheld "本部分内容属工作秘密，不予公开。"$`,
      ),
    );
    const text2 = withLine('一次规划，一次建成。', '加强保密管理，一次规划，一次建成。');
    expect(await refusal(importText(text2, 'text.txt'))).toMatch(/mentions 保密/);
  });

  it('withholds the part where --withheld-wording says so, and publishes the line where --not-withheld does', async () => {
    const withheld = withLine('先中心校后村小，分两年完成。', '本部分内容属工作秘密，不予公开。');
    const marked = projectsOf(
      await importText(withheld, 'text.txt', {
        withheld: ['本部分内容属工作秘密，不予公开'],
        text: [],
      }),
    );
    expect(factsOf(marked[0]!).withheld).toEqual(['approach']);
    expect(marked[0]!.body).not.toContain('工作秘密');
    const text2 = withLine('一次规划，一次建成。', '加强保密管理，一次规划，一次建成。');
    const published = projectsOf(
      await importText(text2, 'text.txt', {
        withheld: [],
        text: ['加强保密管理，一次规划，一次建成。'],
      }),
    );
    expect(published[2]!.body).toContain('加强保密管理，一次规划，一次建成。');
  });
});

describe('facts the text contradicts', { timeout: 60_000 }, () => {
  const { text } = writeLayout(BASE_LAYOUT);
  const attempt = async (from: string, to: string) => {
    try {
      await importText(new TextEncoder().encode(text.replace(from, to)), 'text.txt');
    } catch (error) {
      return (error as Error).message;
    }
    return 'imported';
  };

  it('stops at a capital amount whose restatement in figures disagrees', async () => {
    expect(await attempt('（1,280,600.00元）', '（1,208,600.00元）')).toMatch(
      /“人民币壹佰贰拾捌万零陆佰元整” reads as 1280600 yuan, but the figure beside it, “1,208,600.00元”, says 1208600 yuan; ask the publisher which is right$/,
    );
  });

  it('stops at a breakdown that does not add up to the amount', async () => {
    expect(await attempt('县级配套资金150万元', '县级配套资金160万元')).toMatch(
      /the sources under 其中 add up to 3600000 yuan \(200万元 \+ 160万元\), but this year's amount is 3500000 yuan; ask the publisher which is right$/,
    );
  });

  it('records no source where a 其中 lists what the money buys', async () => {
    const outcome = await importText(
      new TextEncoder().encode(
        text
          .replace('资金来源：省级补助资金、县级配套资金\n', '')
          .replace(
            '其中：省级补助资金200万元，县级配套资金150万元。',
            '其中：土建工程200万元，设备购置150万元。',
          ),
      ),
      'text.txt',
    );
    const [first] = projectsOf(outcome);
    expect(factsOf(first!)).toEqual(
      expect.objectContaining({ source: null, breakdown: null, procurement: '公开招标' }),
    );
    expect(outcome.notices.join('\n')).toMatch(
      /“其中：土建工程200万元，设备购置150万元” does not name sources of funds/,
    );
  });
});
