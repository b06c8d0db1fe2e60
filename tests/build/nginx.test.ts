import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../support/bureau-files';
import { readIndexParts } from '../support/dist';
import { ORIGINAL_HEADERS } from '../../src/site/originals';
import { NGINX, NGINX_BROTLI, startNginx, type RunningNginx } from '../support/nginx';
import { EXAMPLE_PORTAL_DIST, PORTAL_BASE } from '../support/paths';

const GBK_ORIGINAL = 'synth-a-2021-key-projects.zh.gb18030.txt';

/**
 * The deployment docs' nginx configuration (docs/deploy/), run in Debian's
 * nginx over the example publication built under the portal's sub-path, and
 * asked with real requests. Skipped, with a
 * message, only where nginx is not installed (scripts/system-deps.sh installs it).
 */
if (!NGINX)
  console.warn(
    'nginx.test.ts: skipped, because nginx is not installed here (scripts/system-deps.sh installs it with apt)',
  );
else if (!NGINX_BROTLI)
  console.warn(
    "nginx.test.ts: brotli skipped, because nginx's brotli module is not installed here (scripts/system-deps.sh installs it with apt)",
  );

describe.skipIf(!NGINX)('the nginx configuration of the deployment docs', () => {
  const work = mkdtempSync(join(tmpdir(), 'nginx-site-'));
  let nginx: RunningNginx;
  let origin: string;

  beforeAll(async () => {
    // The example's build, with an original text in GB18030 beside its own (as an import of a
    // Notepad file leaves one): links to the build's files, so nothing of it is copied or changed.
    const served = join(work, 'site');
    mkdirSync(join(served, 'sources'), { recursive: true });
    for (const name of readdirSync(EXAMPLE_PORTAL_DIST))
      if (name !== 'sources') symlinkSync(join(EXAMPLE_PORTAL_DIST, name), join(served, name));
    for (const name of readdirSync(join(EXAMPLE_PORTAL_DIST, 'sources')))
      symlinkSync(join(EXAMPLE_PORTAL_DIST, 'sources', name), join(served, 'sources', name));
    writeFileSync(
      join(served, 'sources', GBK_ORIGINAL),
      encodeGbk('合成市甲局部门2021年预算重点领域财政项目文本公开\r\n'),
    );
    nginx = await startNginx(served);
    origin = nginx.origin;
  }, 30_000);
  afterAll(() => {
    nginx.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${origin}${PORTAL_BASE}${path}`);
  /** The headers every response carries, whatever its location. */
  const expectSecurityHeaders = (response: Response, what: string) => {
    expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(response.headers.get('x-frame-options'), what).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy'), what).toBe("frame-ancestors 'self'");
  };
  const first = (dir: string, pattern: RegExp) =>
    readdirSync(join(EXAMPLE_PORTAL_DIST, dir)).find((name) => pattern.test(name))!;
  /** The first part of the search index (by fiscal year), as pagefind/<years>/. */
  const part = () => `pagefind/${readIndexParts(EXAMPLE_PORTAL_DIST)[0]!.path}`;

  it('serves pages as UTF-8 HTML that the browser asks for again, with the security headers', async () => {
    for (const path of ['', 'en/', 'projects/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expectSecurityHeaders(response, path);
    }
  });

  /** The headers of an original: a download that cannot run, as `npm start` sends them (src/site/originals.ts). */
  const expectOriginalHeaders = (response: Response, what: string) => {
    for (const [name, value] of Object.entries(ORIGINAL_HEADERS))
      expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
    expect(response.headers.get('x-frame-options'), what).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  };

  it('serves the original texts as UTF-8 text, so that they never show as mojibake, as downloads', async () => {
    const file = first('sources', /\.txt$/);
    const response = await get(`sources/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(
      readFileSync(join(EXAMPLE_PORTAL_DIST, 'sources', file), 'utf8'),
    );
    expectOriginalHeaders(response, file);
  });

  it('serves an original text in GB18030 as GB18030, so that it never shows as mojibake either', async () => {
    const response = await get(`sources/${GBK_ORIGINAL}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=gb18030');
    expect(new TextDecoder('gb18030').decode(await response.arrayBuffer())).toBe(
      '合成市甲局部门2021年预算重点领域财政项目文本公开\r\n',
    );
    expectOriginalHeaders(response, GBK_ORIGINAL);
  });

  it('serves the data with CORS for portals, the CSV as text/csv, and no stale copies', async () => {
    for (const [path, type] of [
      ['data/disclosures.json', 'application/json; charset=utf-8'],
      ['data/disclosures.csv', 'text/csv; charset=utf-8'],
      ['data/', 'text/html; charset=utf-8'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expectSecurityHeaders(response, path);
    }
  });

  it('caches for a year only what carries a hash in its name', async () => {
    const hashed = [
      `_astro/${first('_astro', /\.css$/)}`,
      `${part()}fragment/${first(`${part()}fragment`, /./)}`,
      `${part()}index/${first(`${part()}index`, /./)}`,
      `${part()}${first(part(), /\.pf_meta$/)}`,
    ];
    for (const path of hashed) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(
        'public, max-age=31536000, immutable',
      );
      expectSecurityHeaders(response, path);
    }
    const unhashed = [
      `${part()}pagefind.js`,
      `${part()}pagefind-worker.js`,
      `${part()}pagefind-entry.json`,
      `${part()}${first(part(), /^wasm\./)}`,
      'pagefind/parts.json',
      'pagefind/amounts.zh-cn.json',
    ];
    for (const path of unhashed) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  /** What the configuration compresses, and what it must leave as it is, in the example's build. */
  const compression = () => {
    const script = readdirSync(join(EXAMPLE_PORTAL_DIST, '_astro')).find(
      (name) =>
        name.endsWith('.js') && statSync(join(EXAMPLE_PORTAL_DIST, '_astro', name)).size > 1024,
    )!;
    return {
      compressed: [
        'search/',
        `_astro/${first('_astro', /\.css$/)}`,
        `_astro/${script}`,
        'data/disclosures.json',
        'data/disclosures.csv',
        'feed.xml',
        `${part()}pagefind.js`,
      ],
      // Pagefind's own files are gzip inside already; the originals are downloads kept byte for byte.
      untouched: [
        `${part()}fragment/${first(`${part()}fragment`, /./)}`,
        `${part()}${first(part(), /^wasm\./)}`,
        `sources/${GBK_ORIGINAL}`,
      ],
    };
  };
  /** The Content-Encoding nginx answers `path` with, for a browser that accepts `accepted`. */
  const encoding = async (path: string, accepted: string) => {
    const response = await fetch(`${nginx.origin}/portal/yjsgk/${path}`, {
      headers: { 'accept-encoding': accepted },
    });
    expect(response.status, path).toBe(200);
    return response.headers.get('content-encoding');
  };

  it('compresses what compresses, for a browser that asks, and leaves Pagefind’s own gzip and the originals alone', async () => {
    const { compressed, untouched } = compression();
    for (const path of compressed) expect(await encoding(path, 'gzip'), path).toBe('gzip');
    for (const path of untouched) expect(await encoding(path, 'gzip'), path).toBeNull();
  });

  it.skipIf(!NGINX_BROTLI)(
    'answers brotli where nginx has the module, the same files and the same bytes, and gzip to a browser without it',
    async () => {
      const { compressed, untouched } = compression();
      for (const path of compressed) {
        expect(await encoding(path, 'gzip, deflate, br, zstd'), path).toBe('br');
        expect(await encoding(path, 'gzip, deflate'), path).toBe('gzip');
      }
      for (const path of untouched) expect(await encoding(path, 'br'), path).toBeNull();
      // fetch decodes br: what arrives is the file as built.
      const response = await fetch(`${nginx.origin}/portal/yjsgk/data/disclosures.json`, {
        headers: { 'accept-encoding': 'br' },
      });
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(await response.text()).toBe(
        readFileSync(join(EXAMPLE_PORTAL_DIST, 'data/disclosures.json'), 'utf8'),
      );
    },
  );

  it('serves the same configuration on a server without the brotli module, with gzip', async () => {
    // The site's configuration includes the brotli snippet by a pattern, which matches nothing there.
    const plain = await startNginx(join(work, 'site'), { brotli: false });
    try {
      const response = await fetch(`${plain.origin}/portal/yjsgk/search/`, {
        headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('gzip');
    } finally {
      plain.stop();
    }
  });

  it("answers a missing address with the site's own 404 page, under /data/ too", async () => {
    const page = readFileSync(join(EXAMPLE_PORTAL_DIST, '404.html'), 'utf8');
    for (const path of ['no-such-page/', 'data/no-such-file.json', 'sources/no-such.txt']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await response.text(), path).toBe(page);
      expectSecurityHeaders(response, path);
    }
  });
});
