import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';
import { ROOT, TEST_SITE } from '../support/paths';
import { Sandbox } from '../support/sandbox';

/** Who runs the site: site.yaml, shown in every footer and on the About page; said plainly when missing. */
describe('the operator of the site', () => {
  const sandbox = new Sandbox();
  afterAll(() => sandbox.remove());
  const build = (name: string) => {
    const dist = join(sandbox.dir, name);
    return {
      dist,
      result: astroBuild(dist, { cwd: sandbox.dir, env: { SITE_URL: TEST_SITE, BASE_PATH: '' } }),
    };
  };
  const load = (dist: string, path: string) =>
    cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));

  it('says the operator is not configured, on every page and on the About page, and the build warns', () => {
    const { dist, result } = build('dist-unconfigured');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(
      /site\.yaml is missing: .*operator of this site is not configured/,
    );
    for (const [path, text] of [
      ['', '本站运营方尚未配置'],
      ['en/ruili-psb/2020/', 'Operator not configured'],
    ] as const) {
      const footer = load(dist, path)('footer [data-operator]');
      expect(footer.attr('data-operator')).toBe('not-configured');
      expect(footer.text()).toContain(text);
    }
    const about = load(dist, 'en/about/');
    expect(about('dl.about').attr('data-operator')).toBe('not-configured');
    expect(about('main').text()).toContain('The operator of this site is not configured yet.');
    expect(about('main').text()).toContain('Ruili City Public Security Bureau');
  });

  it('names the operator, the contact, the error-report link and the licence once site.yaml exists', () => {
    copyFileSync(join(ROOT, 'site.example.yaml'), join(sandbox.dir, 'site.yaml'));
    const { dist, result } = build('dist-configured');
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toMatch(/site\.yaml is missing/);
    const footer = load(dist, 'ruili-psb/2020/case-handling-centre/')('footer [data-operator]');
    expect(footer.text()).toContain('本站由（示例）某市财政局运营');
    expect(footer.find('a').first().attr('href')).toBe('https://example.gov.cn/report-an-error/');
    const about = load(dist, 'about/');
    expect(about('dl.about').attr('data-operator')).toBe('configured');
    expect(
      about('dl.about a')
        .toArray()
        .map((a) => about(a).attr('href')),
    ).toEqual([
      'mailto:contact@example.gov.cn',
      'https://example.gov.cn/report-an-error/',
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
  });
});
