#!/usr/bin/env bash
# HTTP load benchmark (not a test): `renkei serve` on loopback under wrk, /api/search with
# the queries of a query file in turn (facets on, as the API answers by default).
#
#   scripts/bench-http.sh [--docs DIR] [--queries FILE] [--duration 30] [--connections 32]
#                         [--during-ingest] [--binary PATH] [--warmup SECONDS] [--serve-args "..."] [--match exact|loose]
#                         [--store postgresql://… [--read-replica postgresql://…] [--servers N] [--keep-index]]
#
# --warmup runs wrk for that long first, unmeasured (a warm response cache: every query of
# the file answered once); --serve-args passes options to `renkei serve`, e.g.
# "--cache-megabytes 0" to measure every request computed afresh; --match exact|loose sends
# that match with every search (the API's default is loose, 表記ゆれ).
# --during-ingest re-ingests a changing copy of DIR into the served index, again and again,
# while wrk runs: every document is rewritten each round, and no request may fail.
# --store puts the index in that PostgreSQL database (emptied first, unless --keep-index keeps
# what an earlier run ingested there); --read-replica makes the servers read from a standby;
# --servers N starts N servers and splits the connections among them (one wrk each, run at
# once; the figures are summed).
# Prints wrk's summary and one line: requests/s, p50, p99, errors.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=Corpus
QUERIES="${SHARED:-$(cd .. && pwd)/shared}/bench/peers/queries-seeds.txt"
DURATION=30
CONNECTIONS=32
DURING_INGEST=0
BINARY=""
WARMUP=0
SERVE_ARGS=""
MATCH=""
STORE=""
REPLICA=""
SERVERS=1
KEEP_INDEX=0
while [ $# -gt 0 ]; do
    case "$1" in
        --docs) DOCS="$2"; shift 2 ;;
        --queries) QUERIES="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --during-ingest) DURING_INGEST=1; shift ;;
        --binary) BINARY="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --serve-args) SERVE_ARGS="$2"; shift 2 ;;
        --match) MATCH="$2"; shift 2 ;;
        --store) STORE="$2"; shift 2 ;;
        --read-replica) REPLICA="$2"; shift 2 ;;
        --servers) SERVERS="$2"; shift 2 ;;
        --keep-index) KEEP_INDEX=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
if [ -z "$BINARY" ]; then
    swift build -c release --scratch-path .build-release --product renkei >&2
    BINARY=.build-release/release/renkei
fi

WORK="$(mktemp -d)"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/docs"
cp -r "$DOCS"/. "$WORK/docs/"
INDEX_ARGS=(--index "$WORK/index/renkei.sqlite")
READ_ARGS=("${INDEX_ARGS[@]}")
if [ -n "$STORE" ]; then
    INDEX_ARGS=(--store "$STORE")
    READ_ARGS=(--store "$STORE")
    [ -n "$REPLICA" ] && READ_ARGS+=(--read-replica "$REPLICA")
    if [ "$KEEP_INDEX" = 0 ]; then
        database="${STORE##*/}"
        psql "${STORE%/*}/postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
    fi
fi
"$BINARY" ingest "$WORK/docs" "${INDEX_ARGS[@]}" >&2

PORTS=()
for _ in $(seq "$SERVERS"); do
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    PORTS+=("$PORT")
    # shellcheck disable=SC2086
    "$BINARY" serve --port "$PORT" "${READ_ARGS[@]}" $SERVE_ARGS > "$WORK/serve-$PORT.log" 2>&1 &
    PIDS+=($!)
    SERVER_PID=$!
done
python3 - "${PORTS[@]}" <<'PY'
import json, sys, time, urllib.request
for port in sys.argv[1:]:
    for _ in range(600):
        try:
            health = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1))
            if all(replica.get("lagGenerations") == 0 for replica in health.get("replicas", [])):
                break
        except Exception:
            pass
        time.sleep(0.1)
    else:
        sys.exit("the server did not start, or its replica did not catch up")
PY

# A Lua script that walks the query file, one query per request.
python3 - "$QUERIES" "$MATCH" > "$WORK/queries.lua" <<'PY'
import sys, urllib.parse
queries = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip() and not line.startswith("#")]
print("local paths = {")
for query in queries:
    # Each line is a literal phrase, as in the peer harness: quoted, so `-5` or `OR` is text.
    phrase = query if '"' in query else '"' + query + '"'
    print('  "/api/search?q=' + urllib.parse.quote(phrase, safe="") + (f"&match={sys.argv[2]}" if sys.argv[2] else "") + '",')
print("}")
print("""
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d errors=%d non2xx=%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, errors, summary.errors.status))
end
""")
PY

INGEST_ROUNDS=0
if [ "$DURING_INGEST" = 1 ]; then
    (
        round=0
        while true; do
            round=$((round + 1))
            # Change every document so each round rewrites all of them.
            find "$WORK/docs" -type f -exec sh -c 'printf "\n改訂 %s\n" "$1" >> "$2"' _ "$round" {} \;
            "$BINARY" ingest "$WORK/docs" "${INDEX_ARGS[@]}" >> "$WORK/ingest.log" 2>&1
            echo "$round" > "$WORK/rounds"
        done
    ) &
    PIDS+=($!)
fi

PER_SERVER=$(( (CONNECTIONS + SERVERS - 1) / SERVERS ))
if [ "$WARMUP" != 0 ]; then
    WRK_PIDS=()
    for PORT in "${PORTS[@]}"; do
        wrk -t2 -c"$PER_SERVER" -d"${WARMUP}s" -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" > /dev/null &
        WRK_PIDS+=($!)
    done
    wait "${WRK_PIDS[@]}"
fi
echo "wrk: $DURATION s (after ${WARMUP} s of warm-up), serve options: ${SERVE_ARGS:-none}, $SERVERS server(s) on ${STORE:-SQLite}${REPLICA:+ reading $REPLICA}, $CONNECTIONS connections, 2 threads per server, $(grep -c '"/api' "$WORK/queries.lua") queries from $QUERIES, $(find "$WORK/docs" -type f | wc -l) documents" >&2
WRK_PIDS=()
for PORT in "${PORTS[@]}"; do
    wrk -t2 -c"$PER_SERVER" -d"${DURATION}s" --latency -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk-$PORT.txt" &
    WRK_PIDS+=($!)
done
wait "${WRK_PIDS[@]}"
cat "$WORK"/wrk-*.txt | tee "$WORK/wrk.txt"
if [ "$SERVERS" -gt 1 ]; then
    awk -F'[ =]' '/^RESULT/ { for (i = 1; i <= NF; i++) { if ($i == "requests_per_s") rate += $(i + 1); if ($i == "errors") errors += $(i + 1) } }
        END { printf "TOTAL requests_per_s=%.0f errors=%d over '"$SERVERS"' servers\n", rate, errors }' "$WORK/wrk.txt"
fi
if [ "$DURING_INGEST" = 1 ]; then
    echo "ingest rounds completed during the run: $(cat "$WORK/rounds" 2>/dev/null || echo 0)"
    grep -h 'Ingested' "$WORK/ingest.log" | tail -n 1
fi
echo "server RSS: $(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.1f MB", $1/1024}'), peak $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$SERVER_PID/status)"
! grep 'RESULT' "$WORK/wrk.txt" | grep -qv 'errors=0 '
