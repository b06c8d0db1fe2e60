import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent, writeContent } from '../../src/generate/synthetic';
import { astroBuild } from '../support/astro';
import { Sandbox } from '../support/sandbox';
import { ROOT, TEST_SITE } from '../support/paths';

/**
 * What a newcomer does by following the README's "Adding a disclosure": the
 * real content plus one more disclosure (here a generated one, in a
 * publication of its own), checked and built. Nothing about the first three
 * may stand in the way.
 */
describe('adding a fourth disclosure to a copy of the content', () => {
  const sandbox = new Sandbox();
  afterAll(() => sandbox.remove());
  const added = generateContent({ count: 1, perPublication: 1, seed: 4 });
  writeContent(join(sandbox.dir, 'content'), added);
  const zh = [...added.keys()].find((path) => path.includes('/zh/'))!;
  const pagePath = zh.replace('/zh/', '/').replace(/\.md$/, '/');

  it('passes npm run check', () => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check.ts'],
      {
        cwd: sandbox.dir,
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: '' },
      },
    );
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
});
