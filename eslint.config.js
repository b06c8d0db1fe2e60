// @ts-check
// eslint: JavaScript's recommended rules, typescript-eslint's strict type-checked rules
// (no `any` anywhere, no floating promise), Astro's and eslint-plugin-regexp's, over src/, scripts/ and tests/.
// Prettier does the formatting; eslint has no say in it. `npm run lint` runs this and knip.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.dist-*/',
      '.published/',
      '.astro/',
      '.cache/',
      'node_modules/',
      'tests/.artifacts/',
      'content/',
      // Plain JS shipped to the worker as it is written (see render-worker.ts).
      'src/markdown/render-worker.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs['flat/recommended'],
  // The importer and the amount search lean on regular expressions: catch the mistakes in them.
  regexp.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Bureaus write full-width digits and letters; their ranges are as plain as 0-9 to us.
      'regexp/no-obscure-range': [
        'error',
        { allowed: ['alphanumeric', '０-９', 'Ａ-Ｚ', 'ａ-ｚ'] },
      ],
      // A switch over a union names every member (or says why not with a default).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Template literals of numbers and of unions of strings read naturally in messages.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false },
      ],
      // `!` after a lookup whose presence the code has just established is clearer than a guard.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests and scripts end with process.exit or assertion helpers the rule cannot see through.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Astro components: typed through astro-eslint-parser, whose type information is partial and
    // which takes a project, not a project service.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // One concern per file: a source file that outgrows this holds more than one (issue 40).
    files: ['src/**', 'scripts/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines': ['error', { max: 450 }] },
  },
  {
    // Vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any`.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
