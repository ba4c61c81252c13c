#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests of the shared-server workspace: a new cluster in a
# temporary folder, trusting connections from 127.0.0.1 only, on port $SKEIN_PG_PORT (default 54329),
# with an empty database skein_test. Prints the connection URL on its last line; stop the server with
# `scripts/start-postgres.sh stop`. Needs Debian's postgresql package (scripts/setup-system.sh).
set -euo pipefail

PORT="${SKEIN_PG_PORT:-54329}"
DATA="${SKEIN_PG_DATA:-/tmp/skein-postgres-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "start-postgres: PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
  exit 1
fi

# The server refuses to run as root: run it as the postgres user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if [ "${1:-start}" = "stop" ]; then
  as_owner "'$BIN/pg_ctl' -D '$DATA' -m fast stop" || true
  rm -rf "$DATA"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$DATA"; fi
  as_owner "'$BIN/initdb' -D '$DATA' -U postgres -A trust --no-sync >/dev/null"
fi
if ! as_owner "'$BIN/pg_ctl' -D '$DATA' status" >/dev/null 2>&1; then
  as_owner "'$BIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w -o \"-p $PORT -k '$DATA' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
fi
as_owner "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = 'skein_test'\"" | grep -q 1 ||
  as_owner "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres skein_test"
echo "postgres://postgres@127.0.0.1:$PORT/skein_test"
