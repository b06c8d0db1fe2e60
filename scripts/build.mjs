#!/usr/bin/env node
// npm run build: Astro (the content check first, the output audit last), then
// the search index (scripts/build-site.mjs), write into a fresh staging folder; dist/ is switched to
// it only when all of that succeeded and nothing logged an error.
//
// - dist/ is a symbolic link to the published build (.published/<id>/), and the
//   switch is one rename of a link over it, so dist/ is complete at every instant.
// - One build at a time: a second one started meanwhile refuses with a message.
// - Staging folders left by a killed build are removed by the next one.
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { buildSite } from './build-site.mjs';

const root = process.cwd();
const dist = join(root, 'dist');
const published = join(root, '.published');
const lockFile = join(root, '.build.lock');

/** Astro's logger marks errors so; some errors Astro only logs and carries on, so they are looked for. */
const LOGGED_ERROR = /\[ERROR\]/;

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Takes the build lock, or says who holds it and exits. A lock whose build died (kill -9) is taken over. */
function lock() {
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        console.error(
          `Another build (process ${holder}) is running in this folder. Wait for it to finish, then build again.\n` +
            `(If no build is running, delete ${basename(lockFile)}.)`,
        );
        process.exit(75);
      }
      rmSync(lockFile, { force: true });
    }
  }
}

function unlock() {
  try {
    if (Number(readFileSync(lockFile, 'utf8')) === process.pid) unlinkSync(lockFile);
  } catch {
    // Already gone.
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

/** Staging folders of killed builds, and published builds dist/ no longer points at. */
function removeStale() {
  for (const name of readdirSync(root))
    if (name.startsWith('.dist-')) rmSync(join(root, name), { recursive: true, force: true });
  const keep = currentBuild();
  if (existsSync(published)) {
    for (const name of readdirSync(published))
      if (name !== keep) rmSync(join(published, name), { recursive: true, force: true });
  }
}

/** Builds the site into `outDir` (scripts/build-site.mjs), watching its output for logged errors. */
async function runBuild(outDir) {
  let loggedError = false;
  const status = await buildSite(outDir, (to, chunk) => {
    to.write(chunk);
    if (LOGGED_ERROR.test(chunk.toString())) loggedError = true;
  });
  return { status, loggedError };
}

/** Points dist/ at `build` in one rename; the first time, a dist/ folder from before is moved aside first. */
function publish(build) {
  const link = join(root, `.dist-link-${process.pid}`);
  symlinkSync(join('.published', build), link, 'dir');
  if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) {
    renameSync(dist, join(root, `.dist-before-links-${process.pid}`));
  }
  renameSync(link, dist);
}

lock();
process.on('SIGINT', () => (unlock(), process.exit(130)));
process.on('SIGTERM', () => (unlock(), process.exit(143)));
try {
  removeStale();
  const staging = mkdtempSync(join(root, '.dist-'));
  const { status, loggedError } = await runBuild(staging);
  if (status !== 0 || loggedError) {
    rmSync(staging, { recursive: true, force: true });
    const why =
      status !== 0 ? '' : ' Astro logged an error (above), so the output cannot be trusted.';
    console.error(
      `\nbuild failed;${why} dist/ was left as it was${existsSync(dist) ? '' : ' (there was none)'}.`,
    );
    process.exitCode = status !== 0 ? status : 1;
  } else {
    mkdirSync(published, { recursive: true });
    const build = basename(staging).replace(/^\.dist-/, '');
    // mkdtemp makes the folder private (0700); a web server reading dist/ must be able to list it.
    chmodSync(staging, 0o755);
    renameSync(staging, join(published, build));
    publish(build);
    removeStale();
    console.log(`\nbuild complete: dist/ now points at .published/${build}/.`);
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
  }
} finally {
  unlock();
}
