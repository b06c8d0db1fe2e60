import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';
import { Sandbox } from '../support/sandbox';

const ZH = 'content/ruili-psb/2020/zh/case-property-centre.md';
const EN = 'content/ruili-psb/2020/en/case-property-centre.md';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function buildBroken(change: (s: Sandbox) => void) {
  sandbox = new Sandbox();
  change(sandbox);
  return astroBuild(join(sandbox.dir, 'dist'), { cwd: sandbox.dir });
}

describe('a broken content file fails the build, naming the file and the field', () => {
  it('schema error: a negative amount', () => {
    const result = buildBroken((s) =>
      s.edit(ZH, (t) =>
        t.replace(
          'amountYuan: 7000000\n  published: 700万元\n  source',
          'amountYuan: -7000000\n  published: 700万元\n  source',
        ),
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('zh/case-property-centre.md');
    expect(result.output).toMatch(/amountYuan.*must be more than zero/);
  });

  it('model error: a missing translation', () => {
    const result = buildBroken((s) =>
      s.write(
        ZH.replace('case-property-centre', 'extra'),
        s.read(ZH).replace('slug: case-property-centre\norder: 1', 'slug: extra\norder: 9'),
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'content/ruili-psb/2020/zh/extra.md\n  line 1: no English translation: add content/ruili-psb/2020/en/extra.md',
    );
  });

  it('model error: mismatched sections between languages', () => {
    const result = buildBroken((s) => s.edit(EN, (t) => t.replace('{#estimate}', '{#budget}')));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /content\/ruili-psb\/2020\/en\/case-property-centre\.md\n {2}line \d+: sections differ from the Chinese original/,
    );
  });

  it('leak guard: a withheld directive with text', () => {
    const result = buildBroken((s) =>
      s.edit('content/ruili-psb/2020/zh/case-handling-centre.md', (t) =>
        t.replace(
          '### （一）、建设规模 {#scale}\n\n::withheld{reason=classified}',
          '### （一）、建设规模 {#scale}\n\n::withheld[总面积9999平方米]{reason=classified}',
        ),
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('case-handling-centre.md');
    expect(result.output).toMatch(/a withheld directive must be empty/);
    expect(result.output).toMatch(/line \d+: section #scale: a withheld directive must be empty/);
  });

  it('an unknown withheld reason', () => {
    const result = buildBroken((s) =>
      s.edit('content/ruili-psb/2020/zh/case-handling-centre.md', (t) =>
        t.replace('::withheld{reason=classified}', '::withheld{reason=secret}'),
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/unknown withheld reason "secret"/);
  });
});
