#!/usr/bin/env bash
# Serve a school: N copies ("replicas") of the app behind HAProxy, one PostgreSQL for class mode.
#
#   bash scripts/serve.sh [--replicas N] [--port P] [--bind ADDR] [--replica-port R] [--db URL]
#                         [--data DIR] [--pg-port Q]
#
#   --replicas N      app processes (default 2). One Streamlit process runs every session's script
#                     under one interpreter lock: N processes use N cores.
#   --port P          the one public port, HAProxy's (default 8501)
#   --bind ADDR       HAProxy's listen address (default *, every interface; 127.0.0.1 for local only)
#   --replica-port R  replica i listens on 127.0.0.1:R+i-1 (default P+1); replicas are loopback only
#   --db URL          class mode's database (any SQLAlchemy URL, e.g. postgresql://user:pw@host/db);
#                     without it this script runs its own PostgreSQL, see --data
#   --data DIR        data folder (default $RNN_LAB_DATA_DIR or .data/): DIR/postgres holds the
#                     PostgreSQL cluster (kept between runs: classes survive a restart), DIR/serve this
#                     run's state: replicas.tsv (name, port, pid), the generated haproxy.cfg, the
#                     stats socket haproxy.sock, and every process's log
#   --pg-port Q       the PostgreSQL port number (default 5432); it listens on a unix socket in
#                     DIR/postgres only (no TCP), so the number only names the socket
#
# Like scripts/run.sh it installs what it needs (the .venv with requirements.txt; Debian's haproxy
# and postgresql packages when missing, as root or with sudo). It runs in the foreground until
# Ctrl-C or SIGTERM, then stops HAProxy, the replicas and its PostgreSQL, and waits for them. A
# container would run this same script as its command (it needs nothing but a Debian base); the
# repository's tests run the script itself (tests/deploy/test_topology.py) but build no container.
#
# The HAProxy configuration is deploy/haproxy.cfg; this script fills in only what that file's
# header says (the bind address, the stats socket, one `server` line per replica).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

REPLICAS=2
PORT=8501
BIND='*'
REPLICA_PORT=""
DB_URL=""
DATA="${RNN_LAB_DATA_DIR:-.data}"
PG_PORT=5432

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --bind) BIND="$2"; shift 2 ;;
    --replica-port) REPLICA_PORT="$2"; shift 2 ;;
    --db) DB_URL="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "serve.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$REPLICAS" "$PORT" "$PG_PORT" ${REPLICA_PORT:+"$REPLICA_PORT"}; do
  case "$n" in ''|*[!0-9]*) echo "serve.sh: '$n' is not a number" >&2; exit 2 ;; esac
done
if [ "$REPLICAS" -lt 1 ] || [ "$REPLICAS" -gt 64 ]; then
  echo "serve.sh: --replicas must be between 1 and 64" >&2; exit 2
fi
REPLICA_PORT="${REPLICA_PORT:-$((PORT + 1))}"
mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
RUN="$DATA/serve"

log() { echo "serve.sh: $*" >&2; }

# --------------------------------------------------------------------------- install
REQUIREMENTS=requirements.txt source scripts/venv.sh   # the .venv, as scripts/run.sh (defines apt_install)
PY="$ROOT/.venv/bin/python"

find_bin() {  # find_bin NAME: on PATH, in /usr/sbin (haproxy) or PostgreSQL's versioned folder
  command -v "$1" 2>/dev/null && return 0
  [ -x "/usr/sbin/$1" ] && { echo "/usr/sbin/$1"; return 0; }
  ls -1 /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 | grep . && return 0
  return 1
}
need=()
find_bin haproxy >/dev/null || need+=(haproxy)
if [ -z "$DB_URL" ]; then find_bin initdb >/dev/null || need+=(postgresql); fi
if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
HAPROXY=$(find_bin haproxy)

# --------------------------------------------------------------------------- stop everything, once
if [ -f "$RUN/haproxy.pid" ] && kill -0 "$(cat "$RUN/haproxy.pid")" 2>/dev/null; then
  log "another serve.sh is running with --data $DATA (HAProxy pid $(cat "$RUN/haproxy.pid")): stop it first"
  exit 1
fi
rm -rf "$RUN"
mkdir -p "$RUN"
PIDS=()          # replicas, then HAProxy: each the leader of its own process group (setsid)
PG_STARTED=0
stop_all() {
  trap - INT TERM EXIT
  log "stopping"
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do  # up to 20 s for a clean exit
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$PG_STARTED" -eq 1 ]; then
    as_pg "$PG_CTL" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  log "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# --------------------------------------------------------------------------- PostgreSQL
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -z "$DB_URL" ]; then
  PGROOT="$DATA/postgres"; PGDATA="$PGROOT/data"
  INITDB=$(find_bin initdb); PG_CTL=$(find_bin pg_ctl); PSQL=$(find_bin psql)
  mkdir -p "$PGROOT"
  chmod 700 "$PGROOT"  # the unix socket lives here: only its owner (and root) may connect
  if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root: its files belong to `postgres`
    chown -R postgres:postgres "$PGROOT"
    if ! runuser -u postgres -- test -x "$PGROOT"; then
      log "the postgres user cannot reach $PGROOT (a parent folder is private): choose another --data"
      exit 1
    fi
  fi
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $PGDATA"
    as_pg "$INITDB" -D "$PGDATA" -A trust -U postgres -E UTF8 >"$RUN/initdb.log" 2>&1 \
      || { cat "$RUN/initdb.log" >&2; exit 1; }
  fi
  if as_pg "$PG_CTL" -D "$PGDATA" status >/dev/null 2>&1; then
    log "PostgreSQL is already running on $PGDATA: using it (and leaving it running)"
  else
    max_conn=$((REPLICAS * 25 + 20))  # a replica's pool holds at most 24 (classroom/store.py: 8 + 16)
    [ "$max_conn" -lt 100 ] && max_conn=100
    as_pg "$PG_CTL" -D "$PGDATA" -l "$PGROOT/postgres.log" -w -t 60 start \
      -o "-k '$PGROOT' -c listen_addresses='' -p $PG_PORT -c max_connections=$max_conn" >/dev/null \
      || { tail -n 20 "$PGROOT/postgres.log" >&2; exit 1; }
    PG_STARTED=1
  fi
  if ! "$PSQL" -h "$PGROOT" -p "$PG_PORT" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'rnnlab'" | grep -q 1; then
    "$PSQL" -h "$PGROOT" -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE rnnlab" >/dev/null
  fi
  DB_URL="postgresql://postgres@/rnnlab?host=$PGROOT&port=$PG_PORT"
  log "PostgreSQL: $PGDATA (unix socket in $PGROOT, port $PG_PORT)"
fi

# --------------------------------------------------------------------------- the replicas
# One cookie secret for all (Streamlit signs its XSRF cookie with it): a browser moved to another
# replica (its first one died) keeps a valid token. In the environment, not on the command line.
STREAMLIT_SERVER_COOKIE_SECRET=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(32))')
export STREAMLIT_SERVER_COOKIE_SECRET
printf 'name\tport\tpid\n' >"$RUN/replicas.tsv"
SERVERS=""
for i in $(seq 1 "$REPLICAS"); do
  port=$((REPLICA_PORT + i - 1))
  RNN_LAB_CLASS_DB="$DB_URL" RNN_LAB_DATA_DIR="$DATA" setsid "$PY" -m streamlit run app.py \
    --server.headless true --server.port "$port" --server.address 127.0.0.1 \
    --browser.gatherUsageStats false >"$RUN/app$i.log" 2>&1 &
  PIDS+=($!)
  printf 'app%s\t%s\t%s\n' "$i" "$port" "$!" >>"$RUN/replicas.tsv"
  SERVERS+="    server app$i 127.0.0.1:$port cookie app$i"$'\n'
done

wait_health() {  # wait_health URL PID SECONDS: until URL answers 200, or PID dies, or time is up
  # In the background and waited for: a signal's trap runs at once (not after a foreground child).
  "$PY" - "$@" <<'PYEOF' &
import os, sys, time, urllib.request
url, pid, deadline = sys.argv[1], int(sys.argv[2]), time.time() + float(sys.argv[3])
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(f"process {pid} exited before {url} answered")
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        time.sleep(0.3)
sys.exit(f"{url} did not answer in time")
PYEOF
  wait $!
}
for i in $(seq 1 "$REPLICAS"); do
  port=$((REPLICA_PORT + i - 1))
  if ! wait_health "http://127.0.0.1:$port/_stcore/health" "${PIDS[$((i - 1))]}" 120; then
    tail -n 30 "$RUN/app$i.log" >&2
    exit 1
  fi
done

# Each replica warms its own caches: the app starts its background warm-up (services.warmup) on its
# first script run, so open one session on each (RNN_LAB_WARMUP=0 turns the warm-up off).
warm_pids=()
for i in $(seq 1 "$REPLICAS"); do
  port=$((REPLICA_PORT + i - 1))
  "$PY" -c "from services.st_client import Session
s = Session('ws://127.0.0.1:$port'); v = s.visit('home', query_string='lang=pt', timeout=120); s.close()
raise SystemExit(0 if v.ok else 'first run of app$i: ' + '; '.join(v.errors))" >>"$RUN/warm.log" 2>&1 &
  warm_pids+=($!)
done
for pid in "${warm_pids[@]}"; do wait "$pid" || log "a first run failed (see $RUN/warm.log)"; done

# --------------------------------------------------------------------------- HAProxy
awk -v servers="$SERVERS" '$1 == "#" && $2 == "@REPLICAS@" { printf "%s", servers; next } { print }' \
  deploy/haproxy.cfg >"$RUN/haproxy.cfg"
export RNNLAB_LB_BIND="$BIND:$PORT" RNNLAB_LB_SOCK="$RUN/haproxy.sock"
"$HAPROXY" -c -q -f "$RUN/haproxy.cfg"
setsid "$HAPROXY" -W -db -f "$RUN/haproxy.cfg" >"$RUN/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")
echo "$HAPROXY_PID" >"$RUN/haproxy.pid"
if ! wait_health "http://127.0.0.1:$PORT/_stcore/health" "$HAPROXY_PID" 30; then
  cat "$RUN/haproxy.log" >&2
  exit 1
fi

host=$([ "$BIND" = '*' ] && echo localhost || echo "$BIND")
log "serving http://$host:$PORT/ — $REPLICAS replicas (ports $REPLICA_PORT-$((REPLICA_PORT + REPLICAS - 1))), logs and state in $RUN"
log "Ctrl-C stops everything"
echo "ready" >"$RUN/ready"

# In the foreground until HAProxy exits or a signal arrives (the traps stop everything).
set +e
wait "$HAPROXY_PID"
log "HAProxy exited (see $RUN/haproxy.log)"
exit 1
