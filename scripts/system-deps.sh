#!/usr/bin/env bash
# Installs the system packages the test suite needs and the machine lacks:
# Debian's Chromium for the browser tests (never a downloaded browser).
# Does nothing when they are present; needs root (or sudo) and apt otherwise.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)

[ ${#packages[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${packages[*]}, and this machine has no apt-get; install them by hand" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system-deps: installing ${packages[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
