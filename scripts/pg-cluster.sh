#!/usr/bin/env bash
# A local PostgreSQL 15 primary and one hot standby on loopback, from Debian's packages, for
# the PostgreSQL store's tests and for trying it.
#
#   scripts/pg-cluster.sh start [--dir DIR] [--port PORT]   # primary on PORT, standby on PORT+1
#   scripts/pg-cluster.sh stop  [--dir DIR]
#   scripts/pg-cluster.sh status [--dir DIR]
#
# `start` prints the two URLs to pass to `--store` and `--read-replica`:
#   postgresql://renkei@127.0.0.1:55432/renkei   (primary)
#   postgresql://renkei@127.0.0.1:55433/renkei   (standby)
# Installs postgresql-15 with apt when it is missing. PostgreSQL refuses to run as root, so
# when run as root the servers run as the `postgres` user, in DIR (default /tmp/renkei-pg).
set -euo pipefail

command=${1:-start}
shift || true
dir=/tmp/renkei-pg
port=55432
while [[ $# -gt 0 ]]; do
    case $1 in
        --dir) dir=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        *) echo "pg-cluster.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
standby_port=$((port + 1))
bin=/usr/lib/postgresql/15/bin

as_owner() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
    [[ -x $bin/initdb ]] && return
    echo "pg-cluster.sh: installing postgresql-15" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql-15 >/dev/null
    # The package starts Debian's own cluster on 5432; this script does not use it.
}

running() { as_owner "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1; }

start() {
    install_postgres
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres: "$dir"
    if [[ ! -f $dir/primary/PG_VERSION ]]; then
        as_owner "$bin/initdb" -D "$dir/primary" --auth=trust --username=renkei --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        cat >>"$dir/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 256MB
max_wal_size = 2GB
wal_level = replica
max_wal_senders = 4
hot_standby_feedback = on
EOF
    fi
    running "$dir/primary" || as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U renkei -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'renkei'" |
        grep -q 1 || as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U renkei renkei
    if [[ ! -f $dir/standby/PG_VERSION ]]; then
        # -R writes primary_conninfo and standby.signal: the copy starts as a hot standby.
        as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U renkei -D "$dir/standby" -R -X stream >/dev/null
        cat >>"$dir/standby/postgresql.conf" <<EOF
port = $standby_port
EOF
    fi
    running "$dir/standby" || as_owner "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w start >/dev/null
    echo "primary postgresql://renkei@127.0.0.1:$port/renkei"
    echo "standby postgresql://renkei@127.0.0.1:$standby_port/renkei"
}

stop() {
    for node in standby primary; do
        if [[ -d $dir/$node ]] && running "$dir/$node"; then as_owner "$bin/pg_ctl" -D "$dir/$node" -m fast -w stop >/dev/null; fi
    done
}

status() {
    for node in primary standby; do
        if [[ -d $dir/$node ]] && running "$dir/$node"; then echo "$node running"; else echo "$node stopped"; fi
    done
}

case $command in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: pg-cluster.sh start|stop|status [--dir DIR] [--port PORT]" >&2; exit 2 ;;
esac
