import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypePlugins, remarkPlugins } from '../markdown/pipeline';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Renders Markdown through the site's own plugin list; the folder (zh/en) sets the language. */
export function render(markdown: string, path = 'content/x/2020/zh/fixture.md', base = '/'): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins(base))
    .use(remarkRehype)
    .use(rehypePlugins)
    .use(rehypeStringify);
  return String(processor.processSync(new VFile({ path, value: markdown })));
}

describe('remark fixtures (input Markdown → expected HTML)', () => {
  for (const locale of ['zh', 'en']) {
    for (const name of readdirSync(join(FIXTURES, locale)).filter((f) => f.endsWith('.md'))) {
      it(`${locale}/${name}`, () => {
        const input = join(FIXTURES, locale, name);
        const expectedFile = input.replace(/\.md$/, '.html');
        const actual = render(readFileSync(input, 'utf8'), input);
        // UPDATE_FIXTURES=1 writes missing expectations; review them before committing.
        if (process.env.UPDATE_FIXTURES && !existsSync(expectedFile)) writeFileSync(expectedFile, `${actual}\n`);
        expect(actual).toBe(readFileSync(expectedFile, 'utf8').trimEnd());
      });
    }
  }
});

describe('withheld leak guard and reasons', () => {
  it.each([
    ['a leaf directive with a label', '### 建设规模 {#scale}\n\n::withheld[总面积2500平方米]{reason=classified}'],
    ['a container with text', '### 建设规模 {#scale}\n\n:::withheld{reason=classified}\n总面积2500平方米\n:::'],
    ['an inline directive with text', '部署:withheld[400]{reason=classified}路抓拍机。'],
  ])('fails on %s, naming the file', (_, markdown) => {
    expect(() => render(markdown, 'content/x/2020/zh/leak.md')).toThrow(
      expect.objectContaining({ file: 'content/x/2020/zh/leak.md', reason: expect.stringMatching(/a withheld directive must be empty/) }),
    );
  });

  it('names the heading the leaking directive stands under', () => {
    expect(() => render('### （一）、建设规模 {#scale}\n\n::withheld[x]{reason=classified}')).toThrow(/under heading "建设规模"/);
  });

  it('fails on an unknown reason code', () => {
    expect(() => render('::withheld{reason=secret}')).toThrow(/unknown withheld reason "secret"; known reasons: classified/);
    expect(() => render('::withheld')).toThrow(/unknown withheld reason ""/);
  });

  it('fails on an unknown directive, raw HTML and javascript: links', () => {
    expect(() => render('::withold{reason=classified}')).toThrow(/unknown directive "::withold"/);
    expect(() => render('<script>alert(1)</script>')).toThrow(/raw HTML is not allowed/);
    expect(() => render('<img src=x onerror=alert(1)>')).toThrow(/raw HTML is not allowed/);
    expect(() => render('[x](javascript:%61lert%281%29)')).toThrow(/is not allowed/);
    expect(() => render('[x](<java\tscript:%61lert%281%29>)')).toThrow(/is not allowed/);
    expect(render('[x](https://example.org/a)')).toContain('<a href="https://example.org/a" rel="noopener noreferrer">x</a>');
    expect(render('[x](/ruili-psb/2020/)')).toContain('<a href="/ruili-psb/2020/">x</a>');
  });

  it('links the marker to the reasons page under the deployment base', () => {
    expect(render('::withheld{reason=classified}', 'content/x/2020/en/a.md', '/portal/yjsgk/')).toContain('href="/portal/yjsgk/en/withheld/#classified"');
  });
});
