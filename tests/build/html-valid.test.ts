import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../support/dist';
import { DIST, PORTAL_DIST } from '../support/paths';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** The Nu HTML Checker over every built page in one JVM; Java comes from scripts/system-deps.sh. */
function validate(dist: string): string[] {
  const files = htmlPages(dist).map((p) => join(dist, p.endsWith('/') ? `${p}index.html` : p));
  const result = spawnSync(
    'java',
    ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error)
    throw new Error(`could not run java (install default-jre-headless): ${result.error.message}`);
  const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  return messages.map(
    (m) => `${m.url.replace(`file:${dist}`, '')}:${m.lastLine ?? '?'} ${m.type}: ${m.message}`,
  );
}

describe('Nu HTML Checker (vnu-jar)', () => {
  it.each([
    ['at the root', DIST],
    ['under BASE_PATH', PORTAL_DIST],
  ])('finds no error on any page %s', (_, dist) => {
    expect(htmlPages(dist).length).toBeGreaterThan(0);
    expect(validate(dist)).toEqual([]);
  });
});
