import { describe, expect, it } from 'vitest';
import { languageGlob } from './build-index';

describe('languageGlob', () => {
  it('gives a prefixed language its folder, and the root language every folder but that one', () => {
    expect(languageGlob('en')).toBe('en/**/*.html');
    // Not `en/`, but `e…`, `ex…`, `energy/` and every other name.
    expect(languageGlob('zh')).toBe('{[!e]*,e[!n]*,en?*}/**/*.html');
  });
});
