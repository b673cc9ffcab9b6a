# shellcheck shell=bash
# Throw-away PostgreSQL and Redis servers on loopback, for the server tests. Source this file, then call
# start_servers (exports ALPHA_TEST_PG and ALPHA_TEST_REDIS) and stop_servers (stops both, removes their data).
# Ports: ALPHA_PG_PORT (default 55432) and ALPHA_REDIS_PORT (default 56379), away from the default ports so a
# developer's own servers are left alone. PostgreSQL refuses to run as root, so as root it runs as `postgres`.

ALPHA_SERVER_DIR=""

_as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then
    echo "PostgreSQL server binaries not found: install the Debian package 'postgresql'." >&2
    return 1
  fi
  echo "$dir"
}

start_servers() {
  local pg_port="${ALPHA_PG_PORT:-55432}" redis_port="${ALPHA_REDIS_PORT:-56379}" pg_bin
  pg_bin=$(_pg_bin) || return 1
  command -v redis-server >/dev/null || { echo "redis-server not found: install the Debian package 'redis-server'." >&2; return 1; }

  ALPHA_SERVER_DIR=$(mktemp -d /tmp/alpha-servers.XXXXXX)
  chmod 755 "$ALPHA_SERVER_DIR"
  mkdir -p "$ALPHA_SERVER_DIR/pg" "$ALPHA_SERVER_DIR/redis"
  if [ "$(id -u)" = "0" ]; then chown postgres: "$ALPHA_SERVER_DIR/pg"; fi

  _as_postgres "$pg_bin/initdb" -D "$ALPHA_SERVER_DIR/pg/data" -U postgres -A trust -E UTF8 --no-sync >"$ALPHA_SERVER_DIR/pg/initdb.log" 2>&1 \
    || { cat "$ALPHA_SERVER_DIR/pg/initdb.log" >&2; return 1; }
  _as_postgres "$pg_bin/pg_ctl" -D "$ALPHA_SERVER_DIR/pg/data" -l "$ALPHA_SERVER_DIR/pg/server.log" -w -t 60 \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $ALPHA_SERVER_DIR/pg -c fsync=off" start >/dev/null \
    || { cat "$ALPHA_SERVER_DIR/pg/server.log" >&2; return 1; }

  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$ALPHA_SERVER_DIR/redis" --daemonize yes \
    --pidfile "$ALPHA_SERVER_DIR/redis/redis.pid" --logfile "$ALPHA_SERVER_DIR/redis/redis.log" --save "" --appendonly no \
    || return 1
  local i
  for i in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null || { cat "$ALPHA_SERVER_DIR/redis/redis.log" >&2; return 1; }

  export ALPHA_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export ALPHA_TEST_REDIS="127.0.0.1:$redis_port"
  export ALPHA_PG_PORT="$pg_port" ALPHA_REDIS_PORT="$redis_port"
  echo "PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port (data in $ALPHA_SERVER_DIR)"
}

stop_servers() {
  [ -n "$ALPHA_SERVER_DIR" ] || return 0
  local pg_bin
  if [ -d "$ALPHA_SERVER_DIR/pg/data" ] && pg_bin=$(_pg_bin); then
    _as_postgres "$pg_bin/pg_ctl" -D "$ALPHA_SERVER_DIR/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$ALPHA_SERVER_DIR/redis/redis.pid" ]; then
    redis-cli -h 127.0.0.1 -p "${ALPHA_REDIS_PORT:-56379}" shutdown nosave >/dev/null 2>&1 \
      || kill "$(cat "$ALPHA_SERVER_DIR/redis/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$ALPHA_SERVER_DIR"
  ALPHA_SERVER_DIR=""
}
