import { describe, expect, it } from 'vitest';
import { isEmpty, readState, writeState } from './state';

describe('search state in the URL', () => {
  it('round-trips every parameter in readable form', () => {
    const params = new URLSearchParams(
      'q=人脸&year=2020&department=瑞丽市公安局&withheld=yes&band=10m-20m&min=1000万&max=&sort=amount-desc',
    );
    const state = readState(params);
    expect(state).toEqual({
      q: '人脸',
      year: '2020',
      department: '瑞丽市公安局',
      withheld: 'yes',
      band: '10m-20m',
      min: '1000万',
      max: '',
      sort: 'amount-desc',
    });
    expect(writeState(state).toString()).toBe(
      new URLSearchParams(
        'q=人脸&year=2020&department=瑞丽市公安局&withheld=yes&band=10m-20m&min=1000万&sort=amount-desc',
      ).toString(),
    );
    expect(readState(writeState(state))).toEqual(state);
  });

  it('drops unknown or malformed values', () => {
    expect(
      readState(new URLSearchParams('sort=random&band=huge&withheld=maybe&year=20x0')),
    ).toEqual({
      q: '',
      year: '',
      department: '',
      withheld: '',
      band: '',
      min: '',
      max: '',
      sort: 'relevance',
    });
    expect(isEmpty(readState(new URLSearchParams('sort=relevance')))).toBe(true);
  });
});
