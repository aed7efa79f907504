#!/usr/bin/env bash
# Debian packages some tests need (installed only when missing; root on CI and dev machines).
# Chromium + chromedriver drive the web page in headless browser tests.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${need[*]} missing and cannot be installed here (need root + apt-get); browser tests will be skipped" >&2
  exit 0
fi
echo "installing ${need[*]} (Debian packages, for the browser tests)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${need[@]}" >/dev/null
