import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    // Two files at a time even on 2 cores (vitest's default there is one): most of the time goes
    // to builds and browsers in child processes, and every test is made to pass on a busy machine.
    // Each sandbox has its own caches (.cache/ in its folder; only node_modules is linked), so
    // builds in two files at once cannot prune each other's rendered bodies.
    maxWorkers: 2,
    // The longest files first, across the three projects (tests/support/sequencer.ts says why).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          // One module graph per worker, not one per file: the unit files import the same schemas,
          // parsers and Markdown pipeline, and re-importing them was a fifth of the unit run's CPU
          // (on two cores: 75.8 s to 59.7 s, 2026-12-07). No unit test mocks a module or leaves
          // process state changed (the one that sets TMPDIR puts it back); state shared between
          // modules is keyed by a content folder each test makes for itself.
          isolate: false,
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // For a busy machine (CI on a shared host, or eight other processes here): the longest
          // unit test takes a few seconds alone, and well under this with the cores taken.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/global-build.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
