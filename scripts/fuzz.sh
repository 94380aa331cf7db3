#!/usr/bin/env bash
# Random inputs against the normaliser (with its offset map), the bigram tokenizer (document
# and query mode), the query parser, the text decoder, the HTML reader and the date scanner,
# each checked against its invariants (Sources/RenkeiFuzz). Same inputs for the same seed.
#
#   scripts/fuzz.sh [--inputs 20000] [--seed 20261207] [--release] [target…]
#
# CI runs a short pass on its debug build; RELIABILITY.md records a long release run.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG=debug
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --release) CONFIG=release; shift ;;
        *) ARGS+=("$1"); shift ;;
    esac
done
if [ "$CONFIG" = release ]; then
    swift build -c release --scratch-path .build-release --product renkei-fuzz >&2
    BINARY=.build-release/release/renkei-fuzz
else
    BINARY="$(swift build --show-bin-path)/renkei-fuzz"
    [ -x "$BINARY" ] || swift build --product renkei-fuzz >&2
fi
exec "$BINARY" "${ARGS[@]}"
