#!/usr/bin/env bash
# Runs every Tumen test: ./test.sh [extra dotnet test arguments]
# If PostgreSQL is installed (Debian: apt-get install postgresql) and TUMEN_TEST_POSTGRES is not
# set, a throwaway server is started on 127.0.0.1 for the run and deleted afterwards, so the
# storage suite runs on PostgreSQL as well as SQLite. Without PostgreSQL those cases are reported
# as skipped (under CI=true they fail). Set TUMEN_SEEDS to the seed articles folder to run the
# checks over them.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
if [ -z "${TUMEN_TEST_POSTGRES:-}" ]; then
  tumen_start_postgres || echo "test.sh: PostgreSQL is not installed; its tests will be skipped." >&2
fi
dotnet test --solution Tumen.slnx "$@"
