import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, e.g. http://127.0.0.1:41234/portal/yjsgk/ */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site on loopback, under `base` as a portal would host it.
 * Anything outside the base is a 404, so a link that escapes the base fails.
 */
export async function serve(dir: string, base = '/'): Promise<StaticServer> {
  const server = await serveMounts([{ base, dir }]);
  return { ...server, url: `${server.origin}${base}` };
}

/**
 * Serves several builds on one origin, each under its base (the partitions of
 * one site): a request goes to the build with the longest base that starts it.
 */
export async function serveMounts(
  mounts: readonly { base: string; dir: string }[],
): Promise<StaticServer> {
  const handlers = [...mounts]
    .sort((a, b) => b.base.length - a.base.length)
    .map(({ base, dir }) => ({
      base,
      dir,
      files: sirv(dir, { dev: false, etag: false, extensions: ['html'] }),
    }));
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const mount = handlers.find((h) => url.startsWith(h.base));
    if (!mount) {
      res.statusCode = 404;
      res.end('outside the base path');
      return;
    }
    const { base, dir, files } = mount;
    req.url = `/${url.slice(base.length)}`;
    // Like a static host: a missing page gets the site's own 404.html, with status 404.
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'not found',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    // A browser keeps its connections alive: without closing them, close() waits for them to idle out.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
