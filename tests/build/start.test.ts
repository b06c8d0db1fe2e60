import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../support/sandbox';

/**
 * `npm start`, as a newcomer runs it on a fresh clone: it builds, then serves
 * the site; HOST=0.0.0.0 serves it to other machines too; it says nothing
 * about telemetry (Astro's is off, as in every script); and it serves the
 * original texts as UTF-8.
 */
describe('npm start', () => {
  const sandbox = new Sandbox();
  afterAll(() => sandbox.remove());

  it('builds and serves the site, on every interface when HOST says so, without a telemetry notice', async () => {
    const child = spawn('npm', ['start'], {
      cwd: sandbox.dir,
      env: {
        ...process.env,
        HOST: '0.0.0.0',
        CONTENT_DIR: '',
        SITE_URL: '',
        BASE_PATH: '',
        // A fresh clone's: the sandbox shares node_modules, and with it the default render cache.
        RENDER_CACHE_DIR: join(sandbox.dir, '.render-cache'),
      },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      let url: string | undefined;
      for (let i = 0; i < 600 && !url; i++) {
        url = /Local\s+(http:\/\/\S+)/.exec(stripVTControlCharacters(output))?.[1];
        if (!url) await sleep(100);
      }
      expect(url, output).toBeDefined();
      const text = stripVTControlCharacters(output);
      // On every interface, the machine's network addresses are listed beside the local one.
      expect(text).toMatch(/Network\s+http:\/\//);
      expect(text).toContain('bodies rendered (none was kept from an earlier build)');
      // Astro's notice: "Astro collects anonymous usage data…".
      expect(text).not.toMatch(/anonymous usage data/i);
      const response = await fetch(url!);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<html lang="zh-CN">');
      // The original texts say they are UTF-8, so a browser never shows them as mojibake.
      const source = /href="(\/sources\/[^"]+\.txt)"/.exec(
        await (await fetch(new URL('data/', url))).text(),
      )?.[1];
      expect(source).toBeDefined();
      const original = await fetch(new URL(source!, url));
      expect(original.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      // A download that cannot run (src/site/originals.ts), as every original is.
      expect(original.headers.get('content-disposition')).toBe('attachment');
      expect(original.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect((await fetch(new URL('no-such-page/', url))).status).toBe(404);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
