#!/usr/bin/env bash
# The reliability suite (RELIABILITY.md): builds a release binary unless --binary is given.
#   scripts/reliability/run.sh [--binary PATH] [--kills N] [--load-seconds N] [--only malformed kills disk damaged concurrent http pg-kills]
#       [--postgres postgresql://renkei@127.0.0.1:55432/renkei]   (scripts/pg-cluster.sh start)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ " $* " != *" --binary "* ]]; then
    swift build -c release --scratch-path .build-release --product renkei >&2
fi
exec python3 scripts/reliability/run.py "$@"
