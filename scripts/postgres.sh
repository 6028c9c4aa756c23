#!/usr/bin/env bash
# A throw-away PostgreSQL 15 on loopback for tests and benchmarks.
#   scripts/postgres.sh start   installs postgresql-15 from Debian's packages when missing, starts a fresh
#                               cluster under target/postgres on port ${RECOVERY_PG_PORT:-55432} and creates
#                               the database recovery_desk; prints the JDBC URL.
#   scripts/postgres.sh stop    stops it and deletes its files.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${RECOVERY_PG_PORT:-55432}
DIR=$(pwd)/target/postgres
BIN=/usr/lib/postgresql/15/bin

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ ! -x "$BIN/pg_ctl" ]; then
      echo "PostgreSQL 15 is missing: installing postgresql-15 from Debian's packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
    fi
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
    as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres recovery_desk
    echo "jdbc:postgresql://127.0.0.1:$PORT/recovery_desk"
    ;;
  stop)
    if [ -d "$DIR/data" ]; then
      as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
