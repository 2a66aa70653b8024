#!/usr/bin/env bash
# Install Debian's chromium (headless browser for UI tests) if missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if [ ! -x /usr/bin/chromium ]; then
  echo "install-chromium: installing chromium via apt" >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
fi
# (Debian's /usr/bin/chromium wrapper may warn "[: ...: unexpected operator" about /dev/shm: harmless)
/usr/bin/chromium --version 2>/dev/null
