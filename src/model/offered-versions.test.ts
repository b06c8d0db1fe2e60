import { describe, expect, it } from 'vitest';
import type { ProjectZh } from '../schema/project';
import { findProjectWithheldSince } from './offered-versions';
import type { ProjectState } from './types';

/** A project in one version: its feasibility section (null: withheld) and its basis items (null: withheld). */
function state(
  feasibility: string | null,
  basis: (string | null)[] = ['（一）、会议纪要'],
): ProjectState {
  const data = {
    slug: 'p001',
    order: 1,
    name: '合成市档案馆数字化项目',
    basis: basis.map((item) =>
      item === null ? { published: '（二）、', withheld: 'classified' } : { published: item },
    ),
    implementingUnit: { unit: '合成市档案馆' },
    funding: { amountYuan: 1_000_000, published: '100万元' },
    plan: { period: { published: '2021年度' } },
  } as ProjectZh;
  return {
    data,
    outline: {
      sections: [
        {
          id: 'feasibility',
          level: 3,
          title: '（一）、项目可行性',
          withheld: feasibility === null ? 'classified' : null,
          blocks:
            feasibility === null ? ['（一）、项目可行性'] : ['（一）、项目可行性', feasibility],
          passages: feasibility === null ? [] : [feasibility],
          origins: [],
          line: undefined,
        },
      ],
      markers: [],
    },
  };
}

describe('earlier versions that may no longer be offered', () => {
  it('are none while nothing disclosed is withheld later', () => {
    expect(findProjectWithheldSince([state('库房漏雨。'), state('库房漏雨，返潮。')])).toEqual(
      new Map(),
    );
    // Withheld all along: no version disclosed it.
    expect(findProjectWithheldSince([state(null), state(null)])).toEqual(new Map());
  });

  it('are those that disclosed a part withheld now, with the version since which it is', () => {
    expect(findProjectWithheldSince([state('库房漏雨。'), state(null)])).toEqual(new Map([[1, 2]]));
    expect(
      findProjectWithheldSince([
        state('库房漏雨。'),
        state('库房漏雨。'),
        state(null),
        state(null),
      ]),
    ).toEqual(
      new Map([
        [1, 3],
        [2, 3],
      ]),
    );
  });

  it('count from the run of versions that withhold it up to now, not from an earlier withholding', () => {
    // Withheld in 1, disclosed in 2, withheld again in 3: only version 2 carries it.
    expect(findProjectWithheldSince([state(null), state('库房漏雨。'), state(null)])).toEqual(
      new Map([[2, 3]]),
    );
  });

  it('include one that disclosed a basis item withheld now', () => {
    expect(
      findProjectWithheldSince([
        state('同上。', ['（一）、会议纪要', '（二）、专项规划']),
        state('同上。', ['（一）、会议纪要', null]),
      ]),
    ).toEqual(new Map([[1, 2]]));
  });

  it('leave out a version that did not have the project', () => {
    expect(findProjectWithheldSince([null, state('库房漏雨。'), state(null)])).toEqual(
      new Map([[2, 3]]),
    );
  });

  it('are none for a part disclosed again now', () => {
    expect(
      findProjectWithheldSince([state('库房漏雨。'), state(null), state('库房漏雨。')]),
    ).toEqual(new Map());
  });
});
