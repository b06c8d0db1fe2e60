import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { findOriginalType, ORIGINAL_HEADERS } from '../src/site/originals';

/**
 * A built site served as a static host serves it (no compression, no cache
 * headers), for `npm start` and the benchmark. Astro's own preview server
 * sends text files as `text/plain` with no charset, so a browser shows the
 * original Chinese text as mojibake; here every text type says its charset,
 * as docs/deploy/nginx-site.conf does. The originals under sources/ are
 * downloads that cannot run, in their own encoding (src/site/originals.ts).
 */
const TEXT = /\.(?:txt|csv|json|xml|css|js|mjs|svg|webmanifest)$/;

function setHeaders(res: ServerResponse, path: string, base: string): void {
  if (path.startsWith(`${base}sources/`)) {
    for (const [name, value] of Object.entries(ORIGINAL_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Type', findOriginalType(path));
    return;
  }
  if (!TEXT.test(path)) return;
  const type = {
    txt: 'text/plain',
    csv: 'text/csv',
    json: 'application/json',
    xml: 'application/xml',
    css: 'text/css',
    js: 'text/javascript',
    mjs: 'text/javascript',
    svg: 'image/svg+xml',
    webmanifest: 'application/manifest+json',
  }[/\.([a-z]+)$/.exec(path)![1]!];
  res.setHeader('Content-Type', `${type!}; charset=utf-8`);
}

export async function serveSite(
  dir: string,
  options: { host?: string; port?: number; base?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const base = options.base ?? '/';
  const files = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const notFound = join(dir, '404.html');
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(path === '/' ? 302 : 404, path === '/' ? { Location: base } : {});
      res.end();
      return;
    }
    req.url = `/${(req.url ?? '/').slice(base.length)}`;
    setHeaders(res, path, base);
    files(req, res, () => {
      // The site's own 404 page, shown as a page even where an original was asked for.
      for (const name of Object.keys(ORIGINAL_HEADERS)) res.removeHeader(name);
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host =
    options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`,
    // A browser keeps its connections alive: without closing them, close() waits for them to idle out.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
