#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server and TREATYWATCH_TEST_PG pointing at it:
#   scripts/with-postgres.sh dotnet test
# Installs PostgreSQL from Debian's packages if it is missing, starts a cluster in a temporary folder on
# 127.0.0.1:${TREATYWATCH_PG_PORT:-55432}, creates the database treatywatch_test, runs the command, and stops the
# cluster and removes the folder on exit. If TREATYWATCH_TEST_PG is already set, or a server already answers on the
# port, it is used as it is (and left running). Exits with the command's exit code.
set -euo pipefail

port="${TREATYWATCH_PG_PORT:-55432}"
db=treatywatch_test
say() { echo "with-postgres: $*" >&2; }

if [ "$#" -eq 0 ]; then say "usage: scripts/with-postgres.sh <command...>"; exit 2; fi

if [ -n "${TREATYWATCH_TEST_PG:-}" ]; then
  say "TREATYWATCH_TEST_PG is already set; using it"
  exec "$@"
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else say "need root to run: $*"; exit 1; fi; }

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pgbin)" ] || [ ! -x "$(pgbin)/initdb" ]; then
  say "installing PostgreSQL from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(pgbin)"
[ -x "$PGBIN/initdb" ] || { say "PostgreSQL is not installed and could not be installed"; exit 1; }

psql_() { "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  say "a server already answers on 127.0.0.1:$port; using it"
else
  dir="$(mktemp -d "${TMPDIR:-/tmp}/treatywatch-pg.XXXXXX")"
  chmod 700 "$dir"
  # initdb and the server refuse to run as root: run them as the postgres user the package created.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    run() { su postgres -s /bin/sh -c "$1"; }
  else
    run() { sh -c "$1"; }
  fi
  stop() {
    run "'$PGBIN/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
  }
  trap stop EXIT
  run "'$PGBIN/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null || { say "initdb failed"; exit 1; }
  run "'$PGBIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" start" >/dev/null \
    || { say "the server did not start:"; cat "$dir/server.log" >&2; exit 1; }
  say "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $dir, removed on exit)"
fi

if [ "$(psql_ -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null
fi

export TREATYWATCH_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
set +e
"$@"
rc=$?
set -e
exit $rc
