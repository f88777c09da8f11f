#!/usr/bin/env bash
# Installs what the browser tests and the web benchmarks need, from Debian's packages, when it is missing:
# Chromium (driven by Microsoft.Playwright; its own browser download is never used) and its fonts, and wrk.
#   scripts/install-browser.sh
# Idempotent; needs root (or sudo) only when something is missing.
set -euo pipefail
say() { echo "install-browser: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else say "need root to run: $*"; exit 1; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
command -v wrk >/dev/null || missing+=(wrk)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v chromium >/dev/null || { say "Chromium is not installed and could not be installed"; exit 1; }
say "$(chromium --version 2>/dev/null | grep -v unexpected | head -n 1) at $(command -v chromium)"
