#!/usr/bin/env bash
# Runs `npm run build` (scripts/build.mjs) in a copy of a sandbox on a disk of its own that
# fills up once Astro has finished, while the search index is written. Run in a mount
# namespace of its own (unshare -rm), so that the disk vanishes with it:
#   unshare -rm bash disk-full.sh <sandbox> <node> <report folder>
# The sandbox has been built once (a published dist/, perhaps by a stand-in). Writes into the
# report folder: status (the build's exit code), output, before.txt and after.txt (the
# site folder's top-level entries, and dist/'s target and files with their hashes).
set -euo pipefail
sandbox=$1 node=$2 report=$3
disk=$(mktemp -d)
mount -t tmpfs -o size=256m tmpfs "$disk"
cp -a "$sandbox" "$disk/site"
# Without its kept parts, so that the build writes the search index, not links it from them.
rm -rf "$disk/site/.cache/search"
# The caches aside (.astro, .cache): a build that fails may have filled them; the build before
# may have been a stand-in that made none.
state() {
  (cd "$disk/site" && ls -A | grep -vxE '\.astro|\.cache' && readlink dist && cd dist && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}
state >"$report/before.txt"

(cd "$disk/site" && exec "$node" scripts/build.mjs >"$report/output" 2>&1) &
build=$!
# Astro's last line; the search index is written after it, in the build's own process.
until grep -q 'Complete!' "$report/output" || ! kill -0 "$build" 2>/dev/null; do sleep 0.005; done
# Stop the build, leave the disk 64 KB, and let it go on: the index (hundreds of KB) cannot be written.
kill -STOP "$build"
free=$(df -k --output=avail "$disk" | tail -n 1 | tr -d ' ')
fallocate -l "$(((free - 64) * 1024))" "$disk/filler"
kill -CONT "$build"
set +e
wait "$build"
echo $? >"$report/status"
set -e
rm "$disk/filler"
state >"$report/after.txt"
umount "$disk"
rmdir "$disk"
