# Sourced by test.sh and .ci/run: starts a throwaway PostgreSQL cluster on 127.0.0.1 with initdb and
# pg_ctl, exports TUMEN_TEST_POSTGRES for the storage tests, and stops and deletes it on exit.
# Returns non-zero (and starts nothing) when PostgreSQL is not installed.

tumen_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

tumen_start_postgres() {
  local bin
  bin=$(tumen_pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    return 1
  fi
  TUMEN_PG_DIR=$(mktemp -d /tmp/tumen-pg.XXXXXX)
  local port=$(( 20000 + RANDOM % 20000 ))
  TUMEN_PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: run the cluster as the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$TUMEN_PG_DIR"
    TUMEN_PG_AS=(runuser -u postgres --)
  fi
  "${TUMEN_PG_AS[@]}" "$bin/initdb" -D "$TUMEN_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  "${TUMEN_PG_AS[@]}" "$bin/pg_ctl" -D "$TUMEN_PG_DIR/data" -l "$TUMEN_PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$TUMEN_PG_DIR -c fsync=off" start >/dev/null
  TUMEN_PG_CTL="$bin/pg_ctl"
  export TUMEN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port for the tests" >&2
  trap tumen_stop_postgres EXIT
}

tumen_stop_postgres() {
  if [ -n "${TUMEN_PG_DIR:-}" ]; then
    "${TUMEN_PG_AS[@]}" "$TUMEN_PG_CTL" -D "$TUMEN_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$TUMEN_PG_DIR"
    TUMEN_PG_DIR=
  fi
}
