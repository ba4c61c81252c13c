#!/usr/bin/env bash
# System packages the tests need that npm cannot bring: Debian's chromium for the end-to-end tests of
# the web workbench (driven by playwright-core; never a downloaded browser). Idempotent: does nothing
# when /usr/bin/chromium exists; skips with a message when apt-get is absent or we are not root.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "setup-system: /usr/bin/chromium present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: apt-get not found; install chromium yourself to run the end-to-end tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: not root and no sudo; install chromium yourself to run the end-to-end tests" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium
echo "setup-system: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
