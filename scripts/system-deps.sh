#!/usr/bin/env bash
# Installs the system packages the test suite needs and the machine lacks:
# Debian's Chromium for the browser tests (never a downloaded browser), a CJK
# font so that Chinese renders in it (screenshots, layout checks), and Java for
# the Nu HTML Checker (vnu-jar).
# Does nothing when they are present; needs root (or sudo) and apt otherwise.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
fc-list 2>/dev/null | grep -qi 'CJK SC' || packages+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)

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
