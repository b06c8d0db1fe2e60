import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBody } from './render';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * Renders a Markdown fragment as the site renders every body: Astro's unified
 * processor with GitHub-flavoured Markdown, the body rules and the rehype
 * plugins (src/markdown/render.ts); the folder (zh/en) sets the language.
 * Fragments are not whole bodies, so the rules' messages are returned beside
 * the HTML rather than stopping it.
 */
async function processFragment(
  markdown: string,
  path = '/content/x/2020/zh/fixture.md',
  base = '/',
): Promise<{ html: string; messages: string[] }> {
  const { html, messages } = await renderBody(
    { filePath: path.startsWith('/') ? path : `/${path}`, body: markdown, counterpart: null },
    base,
  );
  return { html, messages: messages.map((m) => m.reason) };
}
const render = async (markdown: string, path?: string, base?: string) =>
  (await processFragment(markdown, path, base)).html;
const messagesOf = async (markdown: string, path?: string) =>
  (await processFragment(markdown, path)).messages;

describe('remark fixtures (input Markdown → expected HTML)', () => {
  for (const locale of ['zh', 'en']) {
    for (const name of readdirSync(join(FIXTURES, locale)).filter((f) => f.endsWith('.md'))) {
      it(`${locale}/${name}`, async () => {
        const input = join(FIXTURES, locale, name);
        const expectedFile = input.replace(/\.md$/, '.html');
        const actual = await render(readFileSync(input, 'utf8'), input);
        // UPDATE_FIXTURES=1 writes missing expectations; review them before committing.
        if (process.env.UPDATE_FIXTURES && !existsSync(expectedFile))
          writeFileSync(expectedFile, `${actual}\n`);
        expect(actual).toBe(readFileSync(expectedFile, 'utf8').trimEnd());
      });
    }
  }
});

describe('withheld leak guard and reasons', () => {
  it.each([
    [
      'a leaf directive with a label',
      '### 建设规模 {#scale}\n\n::withheld[总面积2500平方米]{reason=classified}',
    ],
    [
      'a container with text',
      '### 建设规模 {#scale}\n\n:::withheld{reason=classified}\n总面积2500平方米\n:::',
    ],
    ['an inline directive with text', '部署:withheld[400]{reason=classified}路抓拍机。'],
  ])('reports %s and never renders its text', async (_, markdown) => {
    const { html, messages } = await processFragment(markdown, 'content/x/2020/zh/leak.md');
    expect(messages).toContainEqual(expect.stringMatching(/a withheld directive must be empty/));
    expect(html).not.toMatch(/2500|400/);
  });

  it('names the section the leaking directive stands in', async () => {
    expect(
      await messagesOf('### （一）、建设规模 {#scale}\n\n::withheld[x]{reason=classified}'),
    ).toContainEqual(expect.stringMatching(/^section #scale: a withheld directive must be empty/));
  });

  it('reports an unknown reason code', async () => {
    expect(await messagesOf('::withheld{reason=secret}')).toContainEqual(
      expect.stringMatching(/unknown withheld reason "secret"; known reasons: classified/),
    );
    expect(await messagesOf('::withheld')).toContainEqual(
      expect.stringMatching(/unknown withheld reason ""/),
    );
  });

  it('reports an unknown directive, raw HTML, javascript: links and images from other hosts', async () => {
    expect(await messagesOf('::withold{reason=classified}')).toContainEqual(
      expect.stringMatching(/unknown directive "::withold"/),
    );
    expect(await messagesOf('<script>alert(1)</script>')).toContainEqual(
      expect.stringMatching(/raw HTML is not allowed/),
    );
    expect(await messagesOf('<img src=x onerror=alert(1)>')).toContainEqual(
      expect.stringMatching(/raw HTML is not allowed/),
    );
    expect(await messagesOf('[x](javascript:%61lert%281%29)')).toContainEqual(
      expect.stringMatching(/is not allowed/),
    );
    expect(await messagesOf('[x](<java\tscript:%61lert%281%29>)')).toContainEqual(
      expect.stringMatching(/is not allowed/),
    );
    for (const image of [
      '![x](https://example.org/a.png)',
      '![x](//example.org/a.png)',
      '![x][a]\n\n[a]: HTTPS://example.org/a.png',
    ]) {
      expect(await messagesOf(image), image).toContainEqual(
        expect.stringMatching(/is on another host/),
      );
    }
    expect((await messagesOf('![x](/images/a.png)')).filter((m) => /another host/.test(m))).toEqual(
      [],
    );
    expect(await render('[x](https://example.org/a)')).toContain(
      '<a href="https://example.org/a" rel="noopener noreferrer">x</a>',
    );
    expect(await render('[x](/ruili-psb/2020/)')).toContain('<a href="/ruili-psb/2020/">x</a>');
  });

  it('hands the site’s renderer the rules’ problems, with their lines, beside the HTML', async () => {
    const rendered = await renderBody(
      {
        filePath: 'content/x/2020/zh/leak.md',
        body: '## 概述 {#overview}\n\n<b>x</b>\n',
        counterpart: null,
      },
      '/',
    );
    expect(rendered.messages).toContainEqual({
      reason: expect.stringMatching(/raw HTML is not allowed/),
      line: 3,
    });
  });

  it('gives the site’s renderer the outline, and section links to the counterpart page', async () => {
    const rendered = await renderBody(
      {
        filePath: 'content/x/2020/zh/a.md',
        body: '## 概述 {#overview}\n\n本项目。\n',
        counterpart: '/en/x/2020/a/',
      },
      '/',
    );
    expect(rendered.outline?.sections.map((s) => s.id)).toEqual(['overview']);
    expect(rendered.html).toContain('href="/en/x/2020/a/#overview"');
    const pending = await renderBody(
      { filePath: 'content/x/2020/zh/a.md', body: '## 概述 {#overview}\n', counterpart: null },
      '/',
    );
    expect(pending.html).not.toContain('section-language');
  });

  it('links the marker to the reasons page under the deployment base', async () => {
    expect(
      await render('::withheld{reason=classified}', 'content/x/2020/en/a.md', '/portal/yjsgk/'),
    ).toContain('href="/portal/yjsgk/en/withheld/#classified"');
  });
});
