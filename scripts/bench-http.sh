#!/usr/bin/env bash
# HTTP load benchmark (not a test): `renkei serve` on loopback under wrk, /api/search with
# the queries of a query file in turn (facets on, as the API answers by default).
#
#   scripts/bench-http.sh [--docs DIR] [--queries FILE] [--duration 30] [--connections 32]
#                         [--during-ingest] [--binary PATH] [--warmup SECONDS] [--serve-args "..."] [--match exact|loose]
#
# --warmup runs wrk for that long first, unmeasured (a warm response cache: every query of
# the file answered once); --serve-args passes options to `renkei serve`, e.g.
# "--cache-megabytes 0" to measure every request computed afresh; --match exact|loose sends
# that match with every search (the API's default is loose, 表記ゆれ).
# --during-ingest re-ingests a changing copy of DIR into the served index, again and again,
# while wrk runs: every document is rewritten each round, and no request may fail.
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
INDEX="$WORK/index/renkei.sqlite"
"$BINARY" ingest "$WORK/docs" --index "$INDEX" >&2

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# shellcheck disable=SC2086
"$BINARY" serve --port "$PORT" --index "$INDEX" $SERVE_ARGS > "$WORK/serve.log" 2>&1 &
PIDS+=($!)
SERVER_PID=$!
python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1); sys.exit(0)
    except Exception:
        time.sleep(0.1)
sys.exit("the server did not start")
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
            "$BINARY" ingest "$WORK/docs" --index "$INDEX" >> "$WORK/ingest.log" 2>&1
            echo "$round" > "$WORK/rounds"
        done
    ) &
    PIDS+=($!)
fi

if [ "$WARMUP" != 0 ]; then
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" > /dev/null
fi
echo "wrk: $DURATION s (after ${WARMUP} s of warm-up), serve options: ${SERVE_ARGS:-none}, $CONNECTIONS connections, 2 threads, $(grep -c '"/api' "$WORK/queries.lua") queries from $QUERIES, $(find "$WORK/docs" -type f | wc -l) documents" >&2
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/queries.lua" "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"
if [ "$DURING_INGEST" = 1 ]; then
    echo "ingest rounds completed during the run: $(cat "$WORK/rounds" 2>/dev/null || echo 0)"
    grep -h 'Ingested' "$WORK/ingest.log" | tail -n 1
fi
echo "server RSS: $(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.1f MB", $1/1024}'), peak $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$SERVER_PID/status)"
grep -q 'errors=0 ' "$WORK/wrk.txt"
