import { describe, expect, it } from 'vitest';
import { translatePeriod } from './period';

describe('translatePeriod', () => {
  it.each([
    ['2020年度', 'FY2020'],
    ['2021年', '2021'],
    ['2021年4月至2022年8月', 'April 2021 to August 2022'],
    ['2021年4月—2022年8月', 'April 2021 to August 2022'],
    ['2021年4月至8月', 'April 2021 to August 2021'],
    ['2021年4月1日至2022年8月31日', '1 April 2021 to 31 August 2022'],
    ['２０２１年４月至２０２２年８月', 'April 2021 to August 2022'],
    ['2021年至2023年', '2021 to 2023'],
  ])('%s → %s', (published, english) => expect(translatePeriod(published)).toBe(english));

  it.each(['两年', '2021年13月至2022年1月', '项目建设期为2021年', '2021年4月至今'])(
    'leaves %s untranslated (null): the page shows the Chinese',
    (published) => expect(translatePeriod(published)).toBeNull(),
  );
});
