#!/usr/bin/env bash
# Installs the system packages the test suite needs and the machine lacks:
# Debian's Chromium for the browser tests (never a downloaded browser), a CJK
# font so that Chinese renders in it (screenshots, layout checks), Java for
# the Nu HTML Checker (vnu-jar), nginx with Debian's brotli module, which the
# deployment docs' configuration is tested in, and translate-toolkit, whose
# pocount reads the XLIFF npm run translate exports as a translator's tool does.
# Does nothing when they are present; needs root (or sudo) and apt otherwise.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# The font list is read whole first: `fc-list | grep -q` under pipefail fails at random when grep
# stops reading at its first match and fc-list dies of SIGPIPE (exit 141).
fonts=$(fc-list 2>/dev/null || true)
[[ "${fonts,,}" == *"cjk sc"* ]] || packages+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
[ -x /usr/sbin/nginx ] || packages+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || packages+=(libnginx-mod-http-brotli-filter)
command -v pocount >/dev/null 2>&1 || packages+=(translate-toolkit)

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
