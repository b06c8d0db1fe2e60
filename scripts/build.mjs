#!/usr/bin/env node
// @ts-check
// npm run build: Astro (the content check first, the output audit last), then
// the search index (scripts/build-site.mjs), write into a fresh staging folder; dist/ is switched to
// it only when all of that succeeded and nothing logged an error.
//
// - dist/ is a symbolic link to the published build (.published/<id>/), and the
//   switch is one rename of a link over it, so dist/ is complete at every instant.
// - The build before stays in .published/ until the next one is published: a copy of
//   dist/ that started before this build finishes from the folder it resolved.
// - One build at a time: a second one started meanwhile refuses with a message.
// - A build that fails, for any reason, says so in one line, exits non-zero and
//   leaves no lock or staging folder; a build killed outright (kill -9) leaves
//   them to the next build, which removes them.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

// TypeScript from here on: the lock and the settings are src/'s.
register();
const { takeLock, releaseLock } = await import('../src/files/lock.ts');
const { readSettings, SettingsError } = await import('../src/config.ts');

const root = process.cwd();
const dist = join(root, 'dist');
const published = join(root, '.published');
const lockFile = join(root, '.build.lock');

/** Astro's logger marks errors so; some errors Astro only logs and carries on, so they are looked for. */
const LOGGED_ERROR = /\[ERROR\]/;

/** A failed build: what to tell the person who ran it, and the exit code. */
class BuildFailure extends Error {
  /** @param {string} message @param {number} code */
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

/** Takes the build lock (src/files/lock.ts), or says who holds it and exits. A lock whose build died (kill -9) is taken over. */
function lock() {
  const taken = takeLock(lockFile);
  if (!taken.taken) {
    console.error(
      `Another build (process ${taken.holder}) is running in this folder. Wait for it to finish, then build again.\n` +
        `(If no build is running, delete ${basename(lockFile)}.)`,
    );
    process.exit(75);
  }
}

/** The build dist/ points at now, if it is a link to one. */
function currentBuild() {
  try {
    return lstatSync(dist).isSymbolicLink() ? basename(readlinkSync(dist)) : null;
  } catch {
    return null;
  }
}

/** Staging folders of builds that were killed. */
function removeStaging() {
  for (const name of readdirSync(root))
    if (name.startsWith('.dist-')) rmSync(join(root, name), { recursive: true, force: true });
}

/** Published builds other than those named: the current one and the one before it are kept. */
function removePublishedExcept(/** @type {(string | null)[]} */ keep) {
  if (!existsSync(published)) return;
  for (const name of readdirSync(published))
    if (!keep.includes(name)) rmSync(join(published, name), { recursive: true, force: true });
}

/**
 * Builds the site into `outDir` (scripts/build-site.mjs), watching its output for logged errors.
 * @param {string} outDir
 */
async function runBuild(outDir) {
  let loggedError = false;
  /** @type {typeof import('./build-site.mjs')} */
  const { buildSite } = await import(pathToFileURL(readSettings().buildStep).href);
  const status = await buildSite(outDir, (to, chunk) => {
    to.write(chunk);
    if (LOGGED_ERROR.test(chunk.toString())) loggedError = true;
  });
  if (status !== 0) throw new BuildFailure('a step failed (its report is above)', status);
  if (loggedError)
    throw new BuildFailure('Astro logged an error (above), so the output cannot be trusted');
}

/**
 * Points dist/ at `build` in one rename; the first time, a dist/ folder from before is moved aside first.
 * @param {string} build
 */
function publish(build) {
  const link = join(root, `.dist-link-${process.pid}`);
  symlinkSync(join('.published', build), link, 'dir');
  if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) {
    renameSync(dist, join(root, `.dist-before-links-${process.pid}`));
  }
  renameSync(link, dist);
}

/** The settings, checked before anything is locked or built: a mistake there is named in one line. */
function checkSettings() {
  try {
    readSettings();
  } catch (error) {
    if (error instanceof SettingsError) throw new BuildFailure(error.message, 2);
    throw error;
  }
}

/** @type {string | undefined} */
let staging;
const removeStagingFolder = () => {
  if (staging) rmSync(staging, { recursive: true, force: true });
};
let locked = false;
for (const [signal, code] of /** @type {const} */ ([
  ['SIGINT', 130],
  ['SIGTERM', 143],
])) {
  process.on(signal, () => {
    removeStagingFolder();
    if (locked) releaseLock(lockFile);
    console.error(`\nbuild failed: stopped by ${signal}; dist/ was left as it was.`);
    process.exit(code);
  });
}

try {
  checkSettings();
  lock();
  locked = true;
  removeStaging();
  const before = currentBuild();
  staging = mkdtempSync(join(root, '.dist-'));
  await runBuild(staging);
  mkdirSync(published, { recursive: true });
  const build = basename(staging).replace(/^\.dist-/, '');
  // mkdtemp makes the folder private (0700); a web server reading dist/ must be able to list it.
  chmodSync(staging, 0o755);
  renameSync(staging, join(published, build));
  staging = undefined;
  publish(build);
  removePublishedExcept([build, before]);
  console.log(
    `\nbuild complete: dist/ now points at .published/${build}/` +
      (before ? ` (the build before stays at .published/${before}/ until the next one).` : '.'),
  );
  if (!process.env.SITE_URL) {
    // Last, and loud: a portal that deploys this publishes dead links in every canonical URL, feed and data file.
    const rule = '!'.repeat(78);
    console.warn(
      `\n${rule}\nWARNING: SITE_URL is not set, so every absolute link in dist/ (canonical links,\n` +
        `feeds, sitemap, JSON-LD, /data/*.json and the CSV) points at http://localhost:4321/.\n` +
        `Do not deploy this build. Build with the real address, for example:\n` +
        `  SITE_URL=https://czj.example.gov.cn BASE_PATH=/portal/yjsgk/ npm run build\n${rule}`,
    );
  }
} catch (error) {
  removeStagingFolder();
  const reason =
    error instanceof BuildFailure
      ? error.message
      : (error instanceof Error ? error.message : String(error)).split('\n')[0];
  console.error(
    `\nbuild failed: ${reason}; dist/ was left as it was${existsSync(dist) ? '' : ' (there was none)'}.`,
  );
  process.exitCode = error instanceof BuildFailure ? error.code : 1;
} finally {
  if (locked) releaseLock(lockFile);
}
