import { describe, expect, it } from 'vitest';
import { compareNames, matchProjects, MatchError, type KnownProject } from './match-projects';

/** Projects as a county bureau's text has them: names that share the department, and their facts. */
const PLAN: KnownProject = {
  slug: 'guo-tu-kong-jian',
  name: '某县自然资源局国土空间总体规划编制',
  facts: { amount: '612.8万元', period: '2021年度', 'implementing unit': '某县自然资源局' },
};
const HAZARD: KnownProject = {
  slug: 'di-zhi-zai-hai',
  name: '某县自然资源局地质灾害隐患点综合治理工程',
  facts: {
    amount: '2360000元',
    period: '2021年3月至2021年12月',
    'implementing unit': '某县自然资源局',
  },
};
const SURVEY: KnownProject = {
  slug: 'bu-dong-chan',
  name: '某县自然资源局不动产登记数据整合',
  facts: { amount: '150万元', period: '2021年度', 'implementing unit': '某县不动产登记中心' },
};
const known = [PLAN, HAZARD, SURVEY];
const asNew = ({ name, facts }: KnownProject) => ({ name, facts });

describe('matching the projects of a corrected text', () => {
  it('matches by name whatever the order', () => {
    const match = matchProjects(known, [asNew(SURVEY), asNew(PLAN), asNew(HAZARD)]);
    expect(match.slugs).toEqual([SURVEY.slug, PLAN.slug, HAZARD.slug]);
    expect(match.withdrawn).toEqual([]);
    expect(match.review).toEqual([]);
  });

  it('withdraws a project the new text drops, and moves no other into its place', () => {
    const match = matchProjects(known, [asNew(HAZARD), asNew(SURVEY)]);
    expect(match.slugs).toEqual([HAZARD.slug, SURVEY.slug]);
    expect(match.withdrawn.map((p) => p.slug)).toEqual([PLAN.slug]);
    expect(match.review).toEqual([
      `${PLAN.slug}: “${PLAN.name}” is not in the new text: withdrawn, its page says so`,
    ]);
  });

  it('gives a project new in the text no known slug', () => {
    const added = { name: '某县自然资源局耕地保护补偿', facts: { amount: '80万元' } };
    const match = matchProjects(known, [asNew(PLAN), asNew(HAZARD), asNew(SURVEY), added]);
    expect(match.slugs).toEqual([PLAN.slug, HAZARD.slug, SURVEY.slug, null]);
    expect(match.withdrawn).toEqual([]);
  });

  it('takes a renamed project with its facts the same for the project it was, and says so', () => {
    const renamed = { ...asNew(HAZARD), name: '某县自然资源局地质灾害防治工程' };
    const match = matchProjects(known, [asNew(PLAN), renamed, asNew(SURVEY)]);
    expect(match.slugs).toEqual([PLAN.slug, HAZARD.slug, SURVEY.slug]);
    expect(match.review).toEqual([
      expect.stringMatching(
        /^di-zhi-zai-hai: “某县自然资源局地质灾害隐患点综合治理工程” is taken to be “某县自然资源局地质灾害防治工程”, by a name \d+% alike and 3 of 3 facts the same \(amount, period, implementing unit\); if it is not, import again with --match$/,
      ),
    ]);
  });

  it('with one project removed and the next renamed, never gives the renamed one the removed one’s address', () => {
    // The text that merged them by position: project 1 dropped, project 2 renamed.
    const renamed = { ...asNew(HAZARD), name: '某县自然资源局地质灾害应急治理工程' };
    const match = matchProjects(known, [renamed, asNew(SURVEY)]);
    expect(match.slugs).toEqual([HAZARD.slug, SURVEY.slug]);
    expect(match.withdrawn.map((p) => p.slug)).toEqual([PLAN.slug]);
  });

  it('treats a project whose name and facts all differ as new, and the one it replaced as withdrawn, naming --match', () => {
    const other = {
      name: '某县自然资源局矿山生态修复',
      facts: { amount: '900万元', period: '2022年度', 'implementing unit': '某县矿管站' },
    };
    const match = matchProjects(known, [other, asNew(HAZARD), asNew(SURVEY)]);
    expect(match.slugs).toEqual([null, HAZARD.slug, SURVEY.slug]);
    expect(match.withdrawn.map((p) => p.slug)).toEqual([PLAN.slug]);
    expect(match.review).toContain(
      `“某县自然资源局矿山生态修复” is new; if it is a withdrawn project renamed, import again with --match ${PLAN.slug}=某县自然资源局矿山生态修复`,
    );
  });

  it('refuses a project that could be either of two, naming both and --match', () => {
    const twins: KnownProject[] = [
      { slug: 'a', name: '应急指挥中心建设（一期）', facts: { amount: '100万元' } },
      { slug: 'b', name: '应急指挥中心建设（二期）', facts: { amount: '100万元' } },
    ];
    const attempt = () =>
      matchProjects(twins, [{ name: '应急指挥中心建设', facts: { amount: '100万元' } }]);
    expect(attempt).toThrow(MatchError);
    expect(attempt).toThrow(
      /cannot tell which project “应急指挥中心建设” of the new text is: it could be a \(“应急指挥中心建设（一期）”\) or b \(“应急指挥中心建设（二期）”\)\. Say which with --match <old-slug>=<new name>, e\.g\. --match a=应急指挥中心建设$/,
    );
    // --match settles it.
    const settled = matchProjects(
      twins,
      [{ name: '应急指挥中心建设', facts: { amount: '100万元' } }],
      new Map([['b', '应急指挥中心建设']]),
    );
    expect(settled.slugs).toEqual(['b']);
    expect(settled.withdrawn.map((p) => p.slug)).toEqual(['a']);
    expect(settled.review[0]).toBe(
      'b: “应急指挥中心建设（二期）” is now “应急指挥中心建设” (as --match says)',
    );
  });

  it('refuses two new projects that could each be the same old one', () => {
    const attempt = () =>
      matchProjects(
        [PLAN],
        [
          { ...asNew(PLAN), name: '某县自然资源局国土空间规划编制（上）' },
          { ...asNew(PLAN), name: '某县自然资源局国土空间规划编制（下）' },
        ],
      );
    expect(attempt).toThrow(
      /could be guo-tu-kong-jian .*, as could “某县自然资源局国土空间规划编制（下）”/,
    );
  });

  it('refuses a --match that names no such project, on either side', () => {
    expect(() => matchProjects(known, [asNew(PLAN)], new Map([['nope', PLAN.name]]))).toThrow(
      /^--match nope=.*: the publication has no project nope; its projects are guo-tu-kong-jian, di-zhi-zai-hai, bu-dong-chan$/,
    );
    expect(() => matchProjects(known, [asNew(PLAN)], new Map([[PLAN.slug, '不存在']]))).toThrow(
      /^--match guo-tu-kong-jian=不存在: the new text has no project named “不存在”/,
    );
  });

  it('does not take projects of one department for each other because their names share its name', () => {
    // Every name starts with the department; only what follows tells them apart.
    expect(
      compareNames('某县自然资源局国土空间总体规划编制', '某县自然资源局不动产登记数据整合'),
    ).toBeLessThan(0.6);
    const added = { name: '某县自然资源局不动产登记窗口改造', facts: { amount: '30万元' } };
    const match = matchProjects([PLAN, SURVEY], [asNew(PLAN), added]);
    expect(match.slugs).toEqual([PLAN.slug, null]);
    expect(match.withdrawn.map((p) => p.slug)).toEqual([SURVEY.slug]);
  });
});
