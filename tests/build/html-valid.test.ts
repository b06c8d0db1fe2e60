import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../support/dist';
import { DIST, PORTAL_DIST } from '../support/paths';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/**
 * The Nu HTML Checker over every built page of both sites in one JVM; Java comes from
 * scripts/system-deps.sh. One JVM, the serial collector and the first compiler tier only: a
 * checker run of seconds spends most of its CPU starting and compiling itself (two runs with
 * the JVM's defaults took 10.2 CPU-seconds here, this one 3.2, 2026-12-07). The checker needs a
 * larger thread stack than the JVM's default with the first tier alone (it says so).
 */
function validate(dists: string[]): Map<string, string[]> {
  const files = dists.flatMap((dist) =>
    htmlPages(dist).map((p) => join(dist, p.endsWith('/') ? `${p}index.html` : p)),
  );
  const result = spawnSync(
    'java',
    [
      '-Xss4m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-jar',
      VNU_JAR,
      '--errors-only',
      '--format',
      'json',
      ...files,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error)
    throw new Error(`could not run java (install default-jre-headless): ${result.error.message}`);
  const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  // Each site's messages, by the folder its page is in (neither folder holds the other); one
  // that names neither (the checker's own failure) is every site's.
  const siteOf = (m: VnuMessage) => dists.find((dist) => m.url?.startsWith(`file:${dist}/`));
  return new Map(
    dists.map((dist) => [
      dist,
      messages
        .filter((m) => [dist, undefined].includes(siteOf(m)))
        .map(
          (m) =>
            `${(m.url ?? '').replace(`file:${dist}`, '')}:${m.lastLine ?? '?'} ${m.type}: ${m.message}`,
        ),
    ]),
  );
}

describe('Nu HTML Checker (vnu-jar)', () => {
  let found: Map<string, string[]> | undefined;
  it.each([
    ['at the root', DIST],
    ['under BASE_PATH', PORTAL_DIST],
  ])('finds no error on any page %s', (_, dist) => {
    expect(htmlPages(dist).length).toBeGreaterThan(0);
    found ??= validate([DIST, PORTAL_DIST]);
    expect(found.get(dist)).toEqual([]);
  });
});
