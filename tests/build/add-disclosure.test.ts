import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent, writeContent } from '../../src/generate/synthetic';
import { astroBuild } from '../support/astro';
import { Sandbox } from '../support/sandbox';
import { TEST_SITE } from '../support/paths';

/**
 * What a newcomer does by following docs/content.md: the
 * real content plus one more disclosure (here a generated one, in a
 * publication of its own), checked and built. Nothing about the first three
 * may stand in the way.
 */
describe('adding a fourth disclosure to a copy of the content', () => {
  const sandbox = new Sandbox();
  afterAll(() => sandbox.remove());
  const added = generateContent({ count: 1, perPublication: 1, seed: 4 });
  // Its provenance is recorded in full (the Ruili text records none).
  for (const [path, text] of added) {
    if (path.endsWith('publication.yaml')) {
      added.set(
        path,
        text.replace(
          /( {2}sha256: [0-9a-f]{64}\n)/,
          '$1  url: https://www.example.gov.cn/zfxxgk/2025/yjs.html\n  publishedOn: 2025-02-14\n  retrievedOn: 2026-11-20\n  archiveUrl: https://web.archive.org/web/2026/https://www.example.gov.cn/zfxxgk/2025/yjs.html\n',
        ),
      );
    }
  }
  writeContent(join(sandbox.dir, 'content'), added);
  const zh = [...added.keys()].find((path) => path.includes('/zh/'))!;
  const pagePath = zh.replace('/zh/', '/').replace(/\.md$/, '/');

  it('passes npm run check', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts'], {
      cwd: sandbox.dir,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('content OK: 2 publication(s), 4 project(s)');
  });

  it('builds, with the new project and the original three on the site and in the data', () => {
    const dist = join(sandbox.dir, 'dist');
    const result = astroBuild(dist, {
      cwd: sandbox.dir,
      env: { SITE_URL: TEST_SITE, BASE_PATH: '', CONTENT_DIR: '' },
    });
    expect(result.status, result.output).toBe(0);
    for (const path of [
      pagePath,
      `en/${pagePath}`,
      'ruili-psb/2020/case-handling-centre/',
      'en/ruili-psb/2020/face-recognition-system/',
    ]) {
      expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
    }
    const data = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
      projects: { id: string }[];
    };
    expect(data.projects).toHaveLength(4);
    expect(data.projects.filter((p) => p.id.startsWith('ruili-psb-2020/'))).toHaveLength(3);
  });

  it('shows recorded provenance, and says "not recorded" where the content has none', () => {
    const dist = join(sandbox.dir, 'dist');
    const publicationPath = pagePath.split('/').slice(0, 2).join('/');
    const added = cheerio.load(
      readFileSync(join(dist, publicationPath, 'source/index.html'), 'utf8'),
    );
    expect(added('[data-provenance="url"] a').attr('href')).toBe(
      'https://www.example.gov.cn/zfxxgk/2025/yjs.html',
    );
    expect(added('[data-provenance="publishedOn"] time').attr('datetime')).toBe('2025-02-14');
    expect(added('[data-provenance="retrievedOn"]').text()).toBe('2026-11-20');
    expect(added('[data-provenance="archiveUrl"] a').attr('href')).toMatch(
      /^https:\/\/web\.archive\.org\//,
    );
    for (const path of ['ruili-psb/2020/source/', 'ruili-psb/2020/', 'en/ruili-psb/2020/']) {
      const ruili = cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));
      const values = ruili('[data-provenance]')
        .toArray()
        .map((e) => ruili(e).text().trim());
      expect(values, path).toEqual(
        Array(4).fill(path.startsWith('en/') ? 'Not recorded' : '未记录'),
      );
    }
    const data = JSON.parse(readFileSync(join(dist, 'data/disclosures.json'), 'utf8')) as {
      publications: { slug: string; source: Record<string, string | null> }[];
    };
    const sources = Object.fromEntries(data.publications.map((p) => [p.slug, p.source]));
    expect(sources['ruili-psb-2020']).toMatchObject({
      originalUrl: null,
      publishedOn: null,
      retrievedOn: null,
      archiveUrl: null,
    });
    expect(Object.values(sources).find((s) => s.publishedOn !== null)).toMatchObject({
      publishedOn: '2025-02-14',
      retrievedOn: '2026-11-20',
    });
    expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain(
      '<published>2025-02-14T00:00:00.000Z</published>',
    );
  });
});
