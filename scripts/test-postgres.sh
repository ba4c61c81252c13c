#!/usr/bin/env bash
# Runs the test suites that store things (those opening their workspace through
# test/helpers/workspace.ts) a second time, each test in a schema of its own on a PostgreSQL server:
# SKEIN_TEST_POSTGRES when set, else a throwaway server started (and stopped) by start-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

started=""
if [ -z "${SKEIN_TEST_POSTGRES:-}" ]; then
  SKEIN_TEST_POSTGRES="$(bash scripts/start-postgres.sh | tail -1)"
  started="yes"
fi
stop() { if [ -n "$started" ]; then bash scripts/start-postgres.sh stop; fi; }
trap stop EXIT

mapfile -t suites < <(grep -rl --include='*.test.ts' 'helpers/workspace.js' test | sort)
echo "test-postgres: ${#suites[@]} suites against ${SKEIN_TEST_POSTGRES}"
SKEIN_TEST_POSTGRES="$SKEIN_TEST_POSTGRES" SKEIN_TEST_WORKSPACE=postgres npx vitest run "${suites[@]}"
