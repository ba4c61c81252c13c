#!/usr/bin/env bash
# System packages the tests need that npm cannot bring: Debian's chromium for the end-to-end tests of
# the web workbench (driven by playwright-core; never a downloaded browser) and Debian's postgresql
# for the tests of a workspace on a shared server. Idempotent: installs only what is missing; skips
# with a message when apt-get is absent or we are not root.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: chromium and postgresql present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: apt-get not found; install ${missing[*]} yourself for the tests that need them" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: not root and no sudo; install ${missing[*]} yourself for the tests that need them" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
echo "setup-system: installed ${missing[*]}"
