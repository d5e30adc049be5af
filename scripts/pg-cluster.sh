#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks (Debian's postgresql 15 binaries).
#   scripts/pg-cluster.sh start DIR [PORT]   → prints postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres
#   scripts/pg-cluster.sh stop DIR
# PG_SSL=1 makes the server offer TLS with a self-signed certificate for 127.0.0.1 (the TLS tests).
# The server refuses to run as root, so as root the cluster belongs to the `postgres` user
# (shared/reference/toolchain.md "PostgreSQL on these machines"). Idempotent: start on a running
# cluster prints its URL again.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  for v in 17 16 15; do [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { bin="/usr/lib/postgresql/$v/bin"; break; }; done
fi
[ -n "$bin" ] || { echo "pg-cluster: PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; exit 2; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

case "$cmd" in
  start)
    port=${3:-}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    chmod 700 "$dir"
    if [ -f "$dir/url" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then cat "$dir/url"; exit 0; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
      printf '%s\n' "$pw" > "$dir/pw"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pw"
      as_owner "'$bin/initdb' -D '$dir/data' -U postgres --pwfile='$dir/pw' -A scram-sha-256 -E UTF8 --locale C.UTF-8" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    ssl=""
    if [ "${PG_SSL:-0}" = 1 ]; then
      if [ ! -f "$dir/data/server.key" ]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1
        chmod 600 "$dir/data/server.key"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/data/server.key" "$dir/data/server.crt"
      fi
      ssl="-c ssl=on"
    fi
    if [ -z "$port" ]; then
      port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    fi
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${PG_FSYNC:-on} -c synchronous_commit=${PG_SYNC_COMMIT:-on} $ssl\" start" >/dev/null \
      || { tail -20 "$dir/log" >&2; exit 1; }
    url="postgres://postgres:$(cat "$dir/pw")@127.0.0.1:$port/postgres"
    printf '%s\n' "$url" > "$dir/url"
    echo "$url"
    ;;
  stop)
    [ -d "$dir/data" ] || exit 0
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
