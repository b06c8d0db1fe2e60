import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './paths';

/** Debian's nginx (scripts/system-deps.sh installs it), or undefined where it is not installed. */
export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/**
 * Debian's brotli module for nginx (libnginx-mod-http-brotli-filter, which scripts/system-deps.sh
 * installs), where it is installed: then it is loaded, and the docs' brotli snippet installed, as
 * docs/deploy/nginx-brotli.conf tells an administrator to.
 */
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
export const NGINX_BROTLI = existsSync(BROTLI_MODULE);

/** A free port on the loopback. */
async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

export interface RunningNginx {
  /** `http://127.0.0.1:<port>`; the site is under the docs' /portal/yjsgk/. */
  origin: string;
  stop: () => void;
}

/**
 * The deployment docs' nginx configuration (docs/deploy/) serving `served`
 * (a built site) on a free loopback port: the docs' files as an administrator
 * installs them; only the port, the site's folder and the include paths differ.
 */
export async function startNginx(
  served: string,
  /** Whether nginx has Debian's brotli module: as this machine has it, unless told (false: as a server without it). */
  { brotli = NGINX_BROTLI }: { brotli?: boolean } = {},
): Promise<RunningNginx> {
  const work = mkdtempSync(join(tmpdir(), 'nginx-'));
  const docs = join(ROOT, 'docs/deploy');
  const port = await findFreePort();
  const snippets = {
    'snippets/disclosures-headers.conf': 'nginx-headers.conf',
    'snippets/disclosures-originals.conf': 'nginx-originals.conf',
  };
  // Included by a pattern: the snippet's own name where the module is, else one that matches nothing.
  const snippet = join(work, brotli ? 'nginx-brotli.conf' : 'no-brotli*.conf');
  if (brotli) writeFileSync(snippet, readFileSync(join(docs, 'nginx-brotli.conf')));
  let site = readFileSync(join(docs, 'nginx-site.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('/srv/yjsgk/', `${served}/`)
    .replaceAll('include mime.types;', 'include /etc/nginx/mime.types;');
  for (const [installed, file] of Object.entries(snippets)) {
    const path = join(work, file);
    writeFileSync(path, readFileSync(join(docs, file)));
    site = site.replaceAll(`include ${installed};`, `include ${path};`);
  }
  site = site.replaceAll('include snippets/disclosures-brotli*.conf;', `include ${snippet};`);
  writeFileSync(join(work, 'site.conf'), site);
  const temp = (name: string) => `${name} ${join(work, name)};`;
  writeFileSync(
    join(work, 'nginx.conf'),
    [
      // Loaded as the package's /etc/nginx/modules-enabled/ entry loads it, but by its absolute
      // path: the entry's path is relative to nginx's own prefix (/usr/share/nginx/), and this
      // nginx runs with another.
      ...(brotli ? [`load_module ${BROTLI_MODULE};`] : []),
      `pid ${join(work, 'nginx.pid')};`,
      `error_log ${join(work, 'error.log')};`,
      // As root, nginx's workers read the files as this user; the test's files are the test's.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...[
        'client_body_temp_path',
        'proxy_temp_path',
        'fastcgi_temp_path',
        'uwsgi_temp_path',
        'scgi_temp_path',
      ].map((name) => `  ${temp(name)}`),
      `  include ${join(work, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const test = spawnSync(NGINX!, ['-t', '-p', work, '-c', join(work, 'nginx.conf')], {
    encoding: 'utf8',
  });
  // The docs' configuration is taken as it is, warnings included (a duplicate MIME type once).
  if (test.status !== 0 || test.stderr.includes('[warn]'))
    throw new Error(`nginx -t refused or warned about the docs' configuration:\n${test.stderr}`);
  const nginx: ChildProcess = spawn(
    NGINX!,
    ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    nginx.kill();
    rmSync(work, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(origin);
      return { origin, stop };
    } catch {
      await sleep(50);
    }
  }
  const log = readFileSync(join(work, 'error.log'), 'utf8');
  stop();
  throw new Error(`nginx did not start: ${log}`);
}
