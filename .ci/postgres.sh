#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite (the Postgres store, migration and replica tests).
#
#   eval "$(.ci/postgres.sh start)"   # installs Debian's postgresql when missing, starts a cluster in a temp
#                                     # dir on a free port of 127.0.0.1, creates the database and prints
#                                     # `export PLANFORGE_TEST_DATABASE_URL=...` and `export PLANFORGE_TEST_PGDATA=...`
#   .ci/postgres.sh stop              # stops the cluster in $PLANFORGE_TEST_PGDATA and deletes its folder
#
# The cluster trusts local connections and runs without fsync: it exists for one test run only.
# Postgres refuses to run as root, so as root the cluster belongs to the `postgres` user (created by the
# Debian package). Everything but the export lines goes to stderr.
set -euo pipefail

DATABASE=planforge_test

log() { echo "postgres.sh: $*" >&2; }

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] && command -v pg_config >/dev/null 2>&1; then
    found=$(pg_config --bindir)
  fi
  echo "$found"
}

install_postgres() {
  if [ -n "$(bin_dir)" ] && [ -x "$(bin_dir)/initdb" ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: install Debian's postgresql package first"
    exit 1
  fi
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# Run a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  install_postgres
  local bin pgdata port user
  bin=$(bin_dir)
  pgdata=$(mktemp -d "${TMPDIR:-/tmp}/planforge-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$pgdata"
    user=postgres
  else
    user=$(id -un)
  fi
  as_owner "$bin/initdb" --pgdata="$pgdata/data" --username="$user" --auth=trust --encoding=UTF8 \
    --no-locale >"$pgdata/initdb.log" 2>&1 || { cat "$pgdata/initdb.log" >&2; exit 1; }
  port=$(free_port)
  # Sockets in the cluster's own folder (the default /var/run/postgresql may not exist or be writable).
  as_owner "$bin/pg_ctl" --pgdata="$pgdata/data" --log="$pgdata/server.log" --wait --timeout=60 start \
    -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c max_connections=200" >/dev/null \
    || { cat "$pgdata/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" --host=127.0.0.1 --port="$port" --username="$user" "$DATABASE"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pgdata)"
  echo "export PLANFORGE_TEST_DATABASE_URL=postgresql://$user@127.0.0.1:$port/$DATABASE"
  echo "export PLANFORGE_TEST_PGDATA=$pgdata"
}

stop() {
  local pgdata=${1:-${PLANFORGE_TEST_PGDATA:-}}
  if [ -z "$pgdata" ] || [ ! -d "$pgdata/data" ]; then
    log "no cluster to stop (PLANFORGE_TEST_PGDATA is unset or gone)"
    return
  fi
  as_owner "$(bin_dir)/pg_ctl" --pgdata="$pgdata/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [PGDATA]" >&2; exit 2 ;;
esac
