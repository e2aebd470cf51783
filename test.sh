#!/usr/bin/env bash
# Runs every Tumen test. If PostgreSQL is installed (Debian: apt-get install postgresql) and
# TUMEN_TEST_POSTGRES is not set, a throwaway server is started on 127.0.0.1 for the run and removed
# afterwards, so the storage suite runs on PostgreSQL as well as SQLite. Without PostgreSQL those
# cases report as skipped (under CI=true they fail instead). Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "test.sh: PostgreSQL is not installed; its tests will be skipped." >&2; return 0; }
  PG_DIR=$(mktemp -d /tmp/tumen-pg.XXXXXX)
  local port=$(( 20000 + RANDOM % 20000 ))
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c fsync=off" start >/dev/null
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  export TUMEN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
  echo "test.sh: throwaway PostgreSQL on 127.0.0.1:$port" >&2
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

trap stop_postgres EXIT
[ -n "${TUMEN_TEST_POSTGRES:-}" ] || start_postgres
dotnet test --solution Tumen.slnx "$@"
